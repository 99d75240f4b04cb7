using System.ComponentModel;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using SlaGrains.Contracts.Audit;
using SlaGrains.Contracts.Calendars;
using SlaGrains.Contracts.Cases;
using SlaGrains.Contracts.Catalog;
using SlaGrains.Domain.Calendars;
using SlaGrains.Grains.Calendars;
using SlaGrains.Host.Api.OpenApi;
using SlaGrains.Host.Audit;
using SlaGrains.Host.Hosting;
using SlaGrains.Host.Lifecycle;
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

        group.MapPut("/{calendarId}", async Task<Results<JsonOk<CalendarWritten>, ProblemHttpResult>> (string calendarId,
            [Description("true to accept an effectiveFrom before now: the version then applies from that instant to the open cases")] string? allowPast,
            HttpRequest request, GrainReferences grains, ClaimsPrincipal caller, IAuditLog audit) =>
        {
            if (allowPast is not (null or "true" or "false"))
            {
                return ApiProblems.Invalid("allowPast", "allowPast is true or false.");
            }
            var (definition, problem) = await JsonBody.Read<CalendarDefinition>(request);
            if (problem is not null)
            {
                return problem;
            }
            var calendar = grains.Get<ICalendarGrain>(calendarId);
            var before = await calendar.Read();
            var result = await calendar.Put(definition!, allowPast == "true");
            if (!result.Succeeded)
            {
                return ApiProblems.Invalid(result.Errors!);
            }
            var stored = result.Value!;
            var written = stored.Versions[^1];
            IReadOnlyList<CaseOperationResult> recomputed = [];
            if (!result.Unchanged)
            {
                if (before is not null)
                {
                    recomputed = await OpenCases.ForEach(grains, caseId => Recompute(grains, caseId, calendarId));
                }
                await audit.Record(caller, before is null ? AuditEntry.Created : AuditEntry.Updated,
                    new AuditResource(AuditResource.Calendar, calendarId, written.Version), Audited(before), AuditedVersion(stored.CalendarId, written));
            }
            return ApiJson.Stored(written.Definition,
                new CalendarWritten(calendarId, stored.UpdatedAt, written.Version, written.EffectiveFrom, written.RecordedAt, recomputed));
        }).RequireAuthorization(Scopes.Admin).AcceptsJson<CalendarDefinition>()
            .WithName("putCalendar").WithSummary("Write a new version of a business-hours calendar, effective from effectiveFrom (default now)");

        group.MapGet("/{calendarId}", async Task<Results<JsonOk<CalendarRead>, ProblemHttpResult>> (string calendarId,
            [Description("Show the version in force at this instant (ISO 8601 with an offset); now when absent")] string? asOf, GrainReferences grains) =>
        {
            var errors = new Dictionary<string, string[]>();
            var at = asOf is null ? null : Query.Instant(asOf, "asOf", errors);
            if (errors.Count > 0)
            {
                return ApiProblems.Invalid(errors);
            }
            if (await grains.Get<ICalendarGrain>(calendarId).Read() is not { } record)
            {
                return ApiProblems.NotFound($"calendar '{calendarId}'");
            }
            if (at is null)
            {
                return Shape(record);
            }
            var version = record.InForceAt(at.Value);
            return ApiJson.Stored(version.Definition, new CalendarRead(calendarId, record.UpdatedAt, version.Version, version.EffectiveFrom));
        }).RequireAuthorization(Scopes.Read)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("getCalendar").WithSummary("Read a calendar: the version in force now, or at asOf");

        group.MapGet("/{calendarId}/versions", async Task<Results<JsonOk<IReadOnlyList<CalendarVersionRead>>, ProblemHttpResult>> (string calendarId, GrainReferences grains) =>
            await grains.Get<ICalendarGrain>(calendarId).Read() is { } record
                ? ApiJson.StoredList(record.Versions.Select(v => (v.Definition, new CalendarVersionRead(calendarId, v.Version, v.EffectiveFrom, v.RecordedAt))))
                : ApiProblems.NotFound($"calendar '{calendarId}'")).RequireAuthorization(Scopes.Read)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("listCalendarVersions").WithSummary("List a calendar's versions, oldest first, with when each takes effect");

        group.MapDelete("/{calendarId}", async Task<Results<NoContent, ProblemHttpResult>> (string calendarId, GrainReferences grains, ClaimsPrincipal caller, IAuditLog audit) =>
        {
            var calendar = grains.Get<ICalendarGrain>(calendarId);
            var before = await calendar.Read();
            var result = await calendar.Delete();
            if (result.Succeeded)
            {
                await audit.Record(caller, AuditEntry.Deleted, new AuditResource(AuditResource.Calendar, calendarId), Audited(before), null);
            }
            return DeleteAnswer.From(result, $"calendar '{calendarId}'");
        }).RequireAuthorization(Scopes.Admin).ProducesDeleteProblems()
            .WithName("deleteCalendar").WithSummary("Delete a calendar no process version or entitlement names");

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

    /// <summary>A calendar as reads show it, for the audit trail.</summary>
    internal static JsonObject? Audited(CalendarRecord? record) => record is null ? null : ApiJson.Merge(record.Definition, Read(record));

    private static JsonObject AuditedVersion(string calendarId, CalendarVersionRecord version) =>
        ApiJson.Merge(version.Definition, new CalendarVersionRead(calendarId, version.Version, version.EffectiveFrom, version.RecordedAt));

    /// <summary>One open case told of a new version: recomputed when it counts time by the calendar, left out when not.</summary>
    private static async Task<CaseOperationResult?> Recompute(GrainReferences grains, string caseId, string calendarId)
    {
        try
        {
            return await grains.Get<ICaseGrain>(caseId).RefreshCalendar(calendarId) ? new CaseOperationResult(caseId, CaseOperationResult.Recomputed) : null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The version is stored: the case reads it on its next event or deadline, so one failure fails no write.
            return new CaseOperationResult(caseId, CaseOperationResult.Failed, "The case could not be recomputed now; it follows the new version on its next event or deadline.");
        }
    }

    private static JsonOk<CalendarRead> Shape(CalendarRecord record) => ApiJson.Stored(record.Definition, Read(record));

    private static CalendarRead Read(CalendarRecord record) => new(record.CalendarId, record.UpdatedAt, record.Version, record.EffectiveFrom);
}
