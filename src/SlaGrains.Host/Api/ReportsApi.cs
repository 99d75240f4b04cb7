using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using SlaGrains.Contracts.Calendars;
using SlaGrains.Contracts.Processes;
using SlaGrains.Contracts.Reports;
using SlaGrains.Domain.Processes;
using SlaGrains.Domain.Reports;
using SlaGrains.Domain.Validation;
using SlaGrains.Host.Api.OpenApi;
using SlaGrains.Host.Hosting;
using SlaGrains.Host.Reports;
using SlaGrains.Host.Security;

namespace SlaGrains.Host.Api;

/// <summary>docs/api.md, "Reports": compliance by group and period, the facts themselves (JSON pages or CSV), what-if.</summary>
public static class ReportsApi
{
    public const int MaxPage = 1000;

    public static RouteGroupBuilder MapReportsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/reports").WithTags("Reports").RequireAuthorization(Scopes.Read);
        group.AddEndpointFilter(async (context, next) => context.HttpContext.RequestServices.GetRequiredService<IReportStore>().Enabled
            ? await next(context)
            : TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Reports are off",
                detail: "This deployment keeps no report facts (Sla:Reports:Enabled=false); an operator turns them on."));

        group.MapGet("/compliance", async Task<Results<JsonOk<ComplianceReport>, StatusCodeHttpResult, ProblemHttpResult>> (
            [Description("Targets at or after this instant (ISO 8601 with an offset)")] string? from,
            [Description("Targets before this instant; at most 400 days after from")] string? to,
            [Description("One or two of queue, milestone, entitlement, account, owner, priority, process, comma-separated")] string? groupBy,
            [Description("none (default), hour, day, week (ISO, from Monday) or month")] string? interval,
            [Description("The IANA zone periods follow (default UTC)")] string? timeZone,
            string[]? queue, string[]? milestone, string[]? entitlementId, string[]? accountId, string[]? owner, string[]? priority, string[]? processId,
            HttpRequest request, HttpResponse response, IReportStore store) =>
        {
            var errors = new Dictionary<string, string[]>();
            var (query, periods) = ReportQuery.Compliance(from, to, groupBy, interval, timeZone,
                Filters(queue, milestone, entitlementId, accountId, owner, priority, processId), errors);
            if (query is null)
            {
                return ApiProblems.Invalid(errors);
            }
            if (await NotModified(store, request, response))
            {
                return TypedResults.StatusCode(StatusCodes.Status304NotModified);
            }
            return ApiJson.Ok(await store.Compliance(query, periods!, request.HttpContext.RequestAborted));
        }).ProducesValidationProblem().Produces(StatusCodes.Status304NotModified)
            .WithName("getComplianceReport").WithSummary("SLA attainment by group and period: met, met late, violated, open, canceled, time to complete, overdue")
            .WithDescription("Each milestone instance counts in the period holding its target. The answer carries an ETag: send it back in "
                + "If-None-Match to get 304 while no outcome has changed (docs/api.md, \"Reports\").");

        group.MapGet("/milestones", async Task<Results<JsonOk<MilestoneFactPage>, CsvFacts, StatusCodeHttpResult, ProblemHttpResult>> (
            [Description("Targets at or after this instant (ISO 8601 with an offset)")] string? from,
            [Description("Targets before this instant; at most 400 days after from")] string? to,
            string[]? queue, string[]? milestone, string[]? entitlementId, string[]? accountId, string[]? owner, string[]? priority, string[]? processId,
            [Description("The nextCursor of the previous page")] string? cursor,
            [Description("At most this many facts per page (1 to 1000, default 100); CSV answers every fact from the cursor on")] int? limit,
            HttpRequest request, HttpResponse response, IReportStore store) =>
        {
            var errors = new Dictionary<string, string[]>();
            var filter = ReportQuery.Filter(from, to, Filters(queue, milestone, entitlementId, accountId, owner, priority, processId), errors);
            FactCursor? after = null;
            if (cursor is not null && (after = FactCursor.Parse(cursor)) is null)
            {
                errors["cursor"] = ["Pass the nextCursor of a previous page as it was given."];
            }
            if (limit is < 1 or > MaxPage)
            {
                errors["limit"] = [$"limit is between 1 and {MaxPage} (default 100)."];
            }
            if (errors.Count > 0)
            {
                return ApiProblems.Invalid(errors);
            }
            var cancel = request.HttpContext.RequestAborted;
            if (request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals(CsvFacts.MediaType, StringComparison.OrdinalIgnoreCase)))
            {
                return new CsvFacts(store.Milestones(filter!, after, null, cancel));
            }
            if (await NotModified(store, request, response))
            {
                return TypedResults.StatusCode(StatusCodes.Status304NotModified);
            }
            var size = limit ?? 100;
            var items = new List<MilestoneFact>(size + 1);
            await foreach (var fact in store.Milestones(filter!, after, size + 1, cancel))
            {
                items.Add(fact);
            }
            var more = items.Count > size;
            if (more)
            {
                items.RemoveAt(size);
            }
            return ApiJson.Ok(new MilestoneFactPage(items, more ? FactCursor.Of(items[^1]).ToString() : null));
        }).ProducesValidationProblem().Produces(StatusCodes.Status304NotModified)
            .WithName("listMilestoneFacts").WithSummary("List milestone facts by target, cursor-paged JSON, or all of them as CSV with Accept: text/csv")
            .WithDescription("Facts are ordered by targetAt, then caseId, then milestoneId. With Accept: text/csv the answer is streamed CSV with one header row.");

        group.MapPost("/what-if", async Task<Results<JsonOk<WhatIfReport>, ProblemHttpResult>> (HttpRequest request, WhatIfRunner runner, GrainReferences grains, IServiceProvider services) =>
        {
            var (body, problem) = await JsonBody.Read<WhatIfRequest>(request);
            if (problem is not null)
            {
                return problem;
            }
            if (!IdRules.IsId(body!.ProcessId))
            {
                return ApiProblems.Invalid("processId", $"{IdRules.Quote(body.ProcessId)} is not a valid id: {IdRules.IdHint}.");
            }
            // The draft is validated as PUT /processes/{id} validates it, and never stored.
            var limits = services.GetService<Limits>();
            var calendars = await Task.WhenAll(ProcessValidator.CalendarIds(body.Process, limits).Select(id => grains.Get<ICalendarGrain>(id).Read()));
            var existing = calendars.OfType<CalendarRecord>().Select(c => c.CalendarId).ToHashSet(StringComparer.Ordinal);
            var errors = ProcessValidator.Validate(body.Process, existing.Contains, limits).ToDictionary()
                .ToDictionary(e => $"process.{e.Key}", e => e.Value);
            var filters = Filters(body.Queue, body.Milestone, body.EntitlementId, body.AccountId, body.Owner, body.Priority, [body.ProcessId]);
            var (query, periods) = ReportQuery.Compliance(body.From, body.To, body.GroupBy is null ? null : string.Join(',', body.GroupBy),
                body.Interval, body.TimeZone, filters, errors);
            if (query is null)
            {
                return ApiProblems.Invalid(errors);
            }
            if (await grains.Get<IProcessGrain>(body.ProcessId).GetLatest() is null)
            {
                return ApiProblems.NotFound($"process '{body.ProcessId}'");
            }
            try
            {
                return await runner.Run(body.Process, body.ProcessId, query, periods!, request.HttpContext.RequestAborted) is { } result
                    ? ApiJson.Ok(new WhatIfReport(result.Actual, result.Draft, result.Cases))
                    : TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too many cases",
                        detail: $"What-if replays at most {WhatIfRunner.MaxCases} cases; narrow the period or add filters.");
            }
            catch (OperationCanceledException) when (!request.HttpContext.RequestAborted.IsCancellationRequested)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "The replay took too long",
                    detail: $"What-if stops after {WhatIfRunner.MaxDuration.TotalSeconds:0} seconds; narrow the period or add filters.");
            }
        }).AcceptsJson<WhatIfRequest>().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithName("runWhatIf").WithSummary("Replay a period's cases of a process under a draft definition and compare the compliance reports")
            .WithDescription($"The draft has the shape of PUT /api/v1/processes/{{processId}} and is validated the same way, but not stored. "
                + $"At most {WhatIfRunner.MaxCases} cases (413 beyond) and {WhatIfRunner.MaxDuration.TotalSeconds:0} seconds (422 beyond).");

        return group;
    }

    private static Dictionary<string, string[]?> Filters(string[]? queue, string[]? milestone, string[]? entitlementId, string[]? accountId,
        string[]? owner, string[]? priority, string[]? processId) => new(StringComparer.Ordinal)
    {
        ["queue"] = queue,
        ["milestone"] = milestone,
        ["entitlementId"] = entitlementId,
        ["accountId"] = accountId,
        ["owner"] = owner,
        ["priority"] = priority,
        ["processId"] = processId,
    };

    /// <summary>
    /// Sets the answer's ETag from the store's change stamp, read before the query runs so a tag never claims newer
    /// data than its answer holds; true when the client already has this version (If-None-Match).
    /// </summary>
    private static async Task<bool> NotModified(IReportStore store, HttpRequest request, HttpResponse response)
    {
        var tag = new EntityTagHeaderValue($"\"r{await store.Stamp(request.HttpContext.RequestAborted)}\"", isWeak: true);
        response.Headers.ETag = tag.ToString();
        response.Headers.CacheControl = "no-cache";
        return request.GetTypedHeaders().IfNoneMatch.Any(t => t.Compare(tag, useStrongComparison: false));
    }
}
