using NodaTime;
using SlaGrains.Contracts.Calendars;
using SlaGrains.Contracts.Catalog;
using SlaGrains.Domain.Calendars;
using SlaGrains.Host.Security;

namespace SlaGrains.Host.Api;

/// <summary>API.md, "Calendars": business-hours calendars and the add/elapsed helpers.</summary>
public static class CalendarsApi
{
    public static RouteGroupBuilder MapCalendarsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/calendars").WithTags("Calendars");

        group.MapPut("/{calendarId}", async (string calendarId, HttpRequest request, IGrainFactory grains) =>
        {
            if (Ids.Check("calendarId", calendarId) is { } bad)
            {
                return bad;
            }
            var (definition, problem) = await JsonBody.Read<CalendarDefinition>(request);
            if (problem is not null)
            {
                return problem;
            }
            var result = await grains.GetGrain<ICalendarGrain>(calendarId).Put(definition!);
            return result.Succeeded ? ApiJson.Ok(Shape(result.Value!)) : ApiProblems.Invalid(result.Errors!);
        }).RequireAuthorization(Scopes.Admin).Accepts<CalendarDefinition>("application/json");

        group.MapGet("/{calendarId}", async (string calendarId, IGrainFactory grains) =>
            await grains.GetGrain<ICalendarGrain>(calendarId).Read() is { } record
                ? ApiJson.Ok(Shape(record))
                : ApiProblems.NotFound($"calendar '{calendarId}'")).RequireAuthorization(Scopes.Read);

        group.MapGet("/", async (IGrainFactory grains) =>
        {
            var ids = await grains.GetGrain<ICatalogGrain>(ICatalogGrain.Calendars).List();
            var records = await Task.WhenAll(ids.Select(id => grains.GetGrain<ICalendarGrain>(id).Read()));
            return ApiJson.Ok(records.OfType<CalendarRecord>().Select(Shape));
        }).RequireAuthorization(Scopes.Read);

        group.MapGet("/{calendarId}/add", async (string calendarId, string? start, long? seconds, IGrainFactory grains) =>
        {
            var errors = new Dictionary<string, string[]>();
            var from = Query.Instant(start, "start", errors);
            if (seconds is null)
            {
                errors["seconds"] = ["Give the business time to add, in whole seconds (0 or more)."];
            }
            else if (seconds < 0)
            {
                errors["seconds"] = ["seconds cannot be negative."];
            }
            if (errors.Count > 0)
            {
                return ApiProblems.Invalid(errors);
            }
            if (await Compile(grains, calendarId) is not { } calendar)
            {
                return ApiProblems.NotFound($"calendar '{calendarId}'");
            }
            return ApiJson.Ok(new { result = calendar.Add(from!.Value, Duration.FromSeconds(seconds!.Value)) });
        }).RequireAuthorization(Scopes.Read);

        group.MapGet("/{calendarId}/elapsed", async (string calendarId, string? from, string? to, IGrainFactory grains) =>
        {
            var errors = new Dictionary<string, string[]>();
            var a = Query.Instant(from, "from", errors);
            var b = Query.Instant(to, "to", errors);
            if (errors.Count > 0)
            {
                return ApiProblems.Invalid(errors);
            }
            if (await Compile(grains, calendarId) is not { } calendar)
            {
                return ApiProblems.NotFound($"calendar '{calendarId}'");
            }
            var elapsed = calendar.Elapsed(a!.Value, b!.Value);
            return ApiJson.Ok(new { seconds = (long)Math.Truncate(elapsed.TotalSeconds) });
        }).RequireAuthorization(Scopes.Read);

        return group;
    }

    private static async Task<BusinessCalendar?> Compile(IGrainFactory grains, string calendarId) =>
        await grains.GetGrain<ICalendarGrain>(calendarId).Read() is { } record ? BusinessCalendar.FromDefinition(record.Definition) : null;

    private static object Shape(CalendarRecord record) =>
        ApiJson.With(record.Definition, ("calendarId", record.CalendarId), ("updatedAt", record.UpdatedAt));
}
