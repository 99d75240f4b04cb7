using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using SlaGrains.Contracts.Calendars;
using SlaGrains.Contracts.Catalog;
using SlaGrains.Domain.Calendars;
using SlaGrains.Grains.Calendars;
using SlaGrains.Host.Api.OpenApi;
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

        group.MapPut("/{calendarId}", async Task<Results<JsonOk<CalendarRead>, ProblemHttpResult>> (string calendarId, HttpRequest request, GrainReferences grains) =>
        {
            var (definition, problem) = await JsonBody.Read<CalendarDefinition>(request);
            if (problem is not null)
            {
                return problem;
            }
            var result = await grains.Get<ICalendarGrain>(calendarId).Put(definition!);
            return result.Succeeded ? Shape(result.Value!) : ApiProblems.Invalid(result.Errors!);
        }).RequireAuthorization(Scopes.Admin).AcceptsJson<CalendarDefinition>()
            .WithName("putCalendar").WithSummary("Create or replace a business-hours calendar");

        group.MapGet("/{calendarId}", async Task<Results<JsonOk<CalendarRead>, ProblemHttpResult>> (string calendarId, GrainReferences grains) =>
            await grains.Get<ICalendarGrain>(calendarId).Read() is { } record
                ? Shape(record)
                : ApiProblems.NotFound($"calendar '{calendarId}'")).RequireAuthorization(Scopes.Read)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("getCalendar").WithSummary("Read a calendar");

        group.MapGet("/", async Task<JsonOk<IReadOnlyList<CalendarRead>>> (GrainReferences grains) =>
        {
            var ids = await grains.Get<ICatalogGrain>(ICatalogGrain.Calendars).List();
            var records = await Task.WhenAll(ids.Select(id => grains.Get<ICalendarGrain>(id).Read()));
            return ApiJson.StoredList(records.OfType<CalendarRecord>().Select(r => (r.Definition, Read(r))));
        }).RequireAuthorization(Scopes.Read)
            .WithName("listCalendars").WithSummary("List the calendars");

        group.MapGet("/{calendarId}/add", async Task<Results<JsonOk<CalendarAddResult>, ProblemHttpResult>> (string calendarId,
            [Description("The instant to start from (ISO 8601 with an offset, like 2025-03-03T09:00:00Z)")] string? start,
            [Description("The business time to add, in whole seconds")] long? seconds, GrainReferences grains, CompiledCalendars compiled) =>
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
                ? ApiJson.Ok(new CalendarAddResult(result))
                : ApiProblems.Invalid("seconds", $"{seconds} seconds of business time from {from} end at or after {InstantRange.End}, outside the supported range ({InstantRange.Description}).");
        }).RequireAuthorization(Scopes.Read).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("addBusinessTime").WithSummary("Add business time (seconds) to an instant (start) on a calendar");

        group.MapGet("/{calendarId}/elapsed", async Task<Results<JsonOk<CalendarElapsedResult>, ProblemHttpResult>> (string calendarId,
            [Description("The start (ISO 8601 with an offset)")] string? from, [Description("The end (ISO 8601 with an offset)")] string? to,
            GrainReferences grains, CompiledCalendars compiled) =>
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
            return ApiJson.Ok(new CalendarElapsedResult((long)Math.Truncate(elapsed.TotalSeconds)));
        }).RequireAuthorization(Scopes.Read).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("businessTimeElapsed").WithSummary("Measure the business time between two instants (from, to) on a calendar");

        return group;
    }

    private static async Task<BusinessCalendar?> Compile(GrainReferences grains, CompiledCalendars compiled, string calendarId) =>
        await grains.Get<ICalendarGrain>(calendarId).Read() is { } record ? compiled.Get(record) : null;

    private static JsonOk<CalendarRead> Shape(CalendarRecord record) => ApiJson.Stored(record.Definition, Read(record));

    private static CalendarRead Read(CalendarRecord record) => new(record.CalendarId, record.UpdatedAt);
}
