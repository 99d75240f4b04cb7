using NodaTime;
using SlaGrains.Contracts.Calendars;
using SlaGrains.Contracts.Catalog;
using SlaGrains.Domain.Calendars;
using SlaGrains.Grains.Calendars;
using SlaGrains.Host.Hosting;
using SlaGrains.Host.Security;

namespace SlaGrains.Host.Api;

/// <summary>docs/api.md, "Calendars": business-hours calendars and the add/elapsed helpers.</summary>
public static class CalendarsApi
{
    /// <summary>The most business time one add may ask for (<see cref="InstantRange.MaxSpan"/>), in seconds.</summary>
    public static readonly long MaxAddSeconds = (long)InstantRange.MaxSpan.TotalSeconds;

    public static RouteGroupBuilder MapCalendarsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/calendars").WithTags("Calendars");

        group.MapPut("/{calendarId}", async (string calendarId, HttpRequest request, GrainReferences grains) =>
        {
            var (definition, problem) = await JsonBody.Read<CalendarDefinition>(request);
            if (problem is not null)
            {
                return problem;
            }
            var result = await grains.Get<ICalendarGrain>(calendarId).Put(definition!);
            return result.Succeeded ? ApiJson.Ok(Shape(result.Value!)) : ApiProblems.Invalid(result.Errors!);
        }).RequireAuthorization(Scopes.Admin).Accepts<CalendarDefinition>("application/json");

        group.MapGet("/{calendarId}", async (string calendarId, GrainReferences grains) =>
            await grains.Get<ICalendarGrain>(calendarId).Read() is { } record
                ? ApiJson.Ok(Shape(record))
                : ApiProblems.NotFound($"calendar '{calendarId}'")).RequireAuthorization(Scopes.Read);

        group.MapGet("/", async (GrainReferences grains) =>
        {
            var ids = await grains.Get<ICatalogGrain>(ICatalogGrain.Calendars).List();
            var records = await Task.WhenAll(ids.Select(id => grains.Get<ICalendarGrain>(id).Read()));
            return ApiJson.Ok(records.OfType<CalendarRecord>().Select(Shape));
        }).RequireAuthorization(Scopes.Read);

        group.MapGet("/{calendarId}/add", async (string calendarId, string? start, long? seconds, GrainReferences grains, CompiledCalendars compiled) =>
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
            else if (seconds > MaxAddSeconds)
            {
                errors["seconds"] = [$"seconds is at most {MaxAddSeconds} (100 years)."];
            }
            if (errors.Count > 0)
            {
                return ApiProblems.Invalid(errors);
            }
            if (await Compile(grains, compiled, calendarId) is not { } calendar)
            {
                return ApiProblems.NotFound($"calendar '{calendarId}'");
            }
            return calendar.Add(from!.Value, Duration.FromSeconds(seconds!.Value)) is { } result
                ? ApiJson.Ok(new { result })
                : ApiProblems.Invalid("seconds", $"{seconds} seconds of business time from {from} end at or after {InstantRange.End}, outside the supported range ({InstantRange.Description}).");
        }).RequireAuthorization(Scopes.Read);

        group.MapGet("/{calendarId}/elapsed", async (string calendarId, string? from, string? to, GrainReferences grains, CompiledCalendars compiled) =>
        {
            var errors = new Dictionary<string, string[]>();
            var a = Query.Instant(from, "from", errors);
            var b = Query.Instant(to, "to", errors);
            if (errors.Count > 0)
            {
                return ApiProblems.Invalid(errors);
            }
            if (await Compile(grains, compiled, calendarId) is not { } calendar)
            {
                return ApiProblems.NotFound($"calendar '{calendarId}'");
            }
            var elapsed = calendar.Elapsed(a!.Value, b!.Value);
            return ApiJson.Ok(new { seconds = (long)Math.Truncate(elapsed.TotalSeconds) });
        }).RequireAuthorization(Scopes.Read);

        return group;
    }

    private static async Task<BusinessCalendar?> Compile(GrainReferences grains, CompiledCalendars compiled, string calendarId) =>
        await grains.Get<ICalendarGrain>(calendarId).Read() is { } record ? compiled.Get(record) : null;

    private static object Shape(CalendarRecord record) =>
        ApiJson.With(record.Definition, ("calendarId", record.CalendarId), ("updatedAt", record.UpdatedAt));
}
