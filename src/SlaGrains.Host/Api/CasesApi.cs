using System.ComponentModel;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using SlaGrains.Contracts.Cases;
using SlaGrains.Contracts.Queues;
using SlaGrains.Domain.Cases;
using SlaGrains.Host.Api.OpenApi;
using SlaGrains.Host.Hosting;
using SlaGrains.Host.Security;

namespace SlaGrains.Host.Api;

/// <summary>docs/api.md, "Cases: events in, snapshots out", and the queue listing.</summary>
public static class CasesApi
{
    public const int MaxBatch = 1000;
    private const int BatchParallelism = 16;
    public const string ReplayHeader = "Idempotent-Replay";

    public static RouteGroupBuilder MapCasesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1").WithTags("Cases");

        group.MapPost("/cases/{caseId}/events", async Task<Results<JsonOk<CaseSnapshot>, ProblemHttpResult>> (string caseId, HttpRequest request, HttpResponse response, GrainReferences grains, TimeProvider clock, ClaimsPrincipal user) =>
        {
            var (body, problem) = await JsonBody.Read<EventRequest>(request);
            if (problem is not null)
            {
                return problem;
            }
            if (body!.CaseId is { } named && named != caseId)
            {
                return ApiProblems.Invalid("caseId", $"The body names case '{named}' but the path names '{caseId}'; leave caseId out here.");
            }
            var (e, errors) = body.ToEvent(Instant.FromDateTimeOffset(clock.GetUtcNow()), Caller.From(user).Actor);
            if (e is null)
            {
                return ApiProblems.Invalid(errors);
            }
            var result = await grains.Get<ICaseGrain>(caseId).Apply(e);
            if (result.Outcome == CaseWriteOutcome.Replayed)
            {
                response.Headers[ReplayHeader] = "true";
            }
            return result.Outcome switch
            {
                CaseWriteOutcome.Applied or CaseWriteOutcome.Replayed => ApiJson.Ok(result.Snapshot!),
                CaseWriteOutcome.NotFound => ApiProblems.NotFound($"case '{caseId}': send its 'opened' event first"),
                CaseWriteOutcome.Conflict => ApiProblems.Conflict(result.Errors!),
                _ => ApiProblems.Invalid(result.Errors!),
            };
        }).RequireAuthorization(Scopes.EventsWrite).AcceptsJson<EventRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem(StatusCodes.Status409Conflict)
            .WithName("applyCaseEvent").WithSummary("Send one event of a case; answers the case's snapshot")
            .WithDescription($"An event already applied (same eventId, same content) is not applied again: the answer carries `{ReplayHeader}: true`. "
                + "The same eventId with different content is 409. Events of a case other than `opened` need the case to exist (404).");

        group.MapPost("/events", async Task<Results<JsonOk<BatchResult[]>, ProblemHttpResult>> (HttpRequest request, GrainReferences grains, TimeProvider clock, ClaimsPrincipal user) =>
        {
            var (batch, problem) = await JsonBody.Read<List<EventRequest>>(request);
            if (problem is not null)
            {
                return problem;
            }
            if (batch!.Count > MaxBatch)
            {
                return ApiProblems.Invalid("$", $"A batch holds at most {MaxBatch} events; this one has {batch.Count}.");
            }
            return ApiJson.Ok(await ApplyBatch(batch, grains, Instant.FromDateTimeOffset(clock.GetUtcNow()), Caller.From(user).Actor));
        }).RequireAuthorization(Scopes.EventsWrite).AcceptsJson<List<EventRequest>>()
            .WithName("applyEventBatch").WithSummary("Send a batch of events (a bare JSON array) of one or more cases")
            .WithDescription($"The body is a JSON array of events, each naming its caseId; at most {MaxBatch}. "
                + "The answer has one result per event, in order, with the status the single-event endpoint would give.");

        group.MapGet("/cases/{caseId}", async Task<Results<JsonOk<CaseSnapshot>, ProblemHttpResult>> (string caseId, [Description("The instant to read the case as of (ISO 8601 with an offset, like 2025-03-03T09:00:00Z); default now")] string? asOf, GrainReferences grains) =>
        {
            Instant? at = null;
            if (asOf is not null)
            {
                var errors = new Dictionary<string, string[]>();
                at = Query.Instant(asOf, "asOf", errors);
                if (errors.Count > 0)
                {
                    return ApiProblems.Invalid(errors);
                }
            }
            return await grains.Get<ICaseGrain>(caseId).GetSnapshot(at) is { } snapshot
                ? ApiJson.Ok(snapshot)
                : ApiProblems.NotFound($"case '{caseId}'");
        }).RequireAuthorization(Scopes.Read).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("getCase").WithSummary("Read a case's snapshot, now or as of an instant (asOf)");

        group.MapGet("/cases/{caseId}/milestones/{milestone}/instances", async Task<Results<JsonOk<MilestoneInstancePage>, ProblemHttpResult>> (string caseId, string milestone,
            [Description("The first instance number to list (default 1)")] int? from, [Description("At most this many instances (1 to 1000, default 100)")] int? limit,
            [Description("The instant to read as of (ISO 8601 with an offset); default now")] string? asOf, GrainReferences grains) =>
        {
            var errors = new Dictionary<string, string[]>();
            var at = asOf is null ? null : Query.Instant(asOf, "asOf", errors);
            if (from is < 1)
            {
                errors["from"] = ["from is an instance number, 1 or more (default 1)."];
            }
            if (limit is < 1 or > MaxBatch)
            {
                errors["limit"] = [$"limit is between 1 and {MaxBatch} (default 100)."];
            }
            if (errors.Count > 0)
            {
                return ApiProblems.Invalid(errors);
            }
            return await grains.Get<ICaseGrain>(caseId).GetInstances(milestone, from ?? 1, limit ?? 100, at) is { } page
                ? ApiJson.Ok(page)
                : ApiProblems.NotFound($"milestone '{milestone}' on case '{caseId}' (milestones are named by key, as in their instance ids: 'first-response')");
        }).RequireAuthorization(Scopes.Read).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("getMilestoneInstances").WithSummary("Read a page of one milestone's instances on a case");

        group.MapGet("/cases/{caseId}/events", async Task<Results<JsonOk<IReadOnlyList<CaseEvent>>, ProblemHttpResult>> (string caseId, GrainReferences grains) =>
        {
            var history = await grains.Get<ICaseGrain>(caseId).GetHistory();
            return history.Count > 0 ? ApiJson.Ok(history) : ApiProblems.NotFound($"case '{caseId}'");
        }).RequireAuthorization(Scopes.Read).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("getCaseEvents").WithSummary("Read a case's history: the events applied, in order");

        group.MapGet("/queues/{queue}/cases", async Task<Results<JsonOk<IReadOnlyList<QueueEntry>>, ProblemHttpResult>> (string queue, [Description("At most this many cases (1 to 1000, default 100)")] int? limit, GrainReferences grains) =>
        {
            if (limit is < 1 or > MaxBatch)
            {
                return ApiProblems.Invalid("limit", $"limit is between 1 and {MaxBatch} (default 100).");
            }
            IReadOnlyList<QueueEntry> entries = await grains.Get<IQueueGrain>(queue).List(limit ?? 100);
            return ApiJson.Ok(entries);
        }).RequireAuthorization(Scopes.Read).ProducesValidationProblem()
            .WithName("listQueueCases").WithSummary("List a queue's open cases, nearest deadline first");

        return group;
    }

    /// <summary>
    /// One result per event, in order. Events of one case are applied in the order sent; different cases run in
    /// parallel, since each case is its own grain.
    /// </summary>
    private static async Task<BatchResult[]> ApplyBatch(List<EventRequest> batch, GrainReferences grains, Instant receivedAt, EventActor actor)
    {
        var results = new BatchResult[batch.Count];
        var byCase = new Dictionary<string, List<(int Index, CaseEvent Event)>>(StringComparer.Ordinal);
        for (var i = 0; i < batch.Count; i++)
        {
            var item = batch[i];
            if (item is null || string.IsNullOrWhiteSpace(item.CaseId) || Ids.Check("caseId", item.CaseId) is not null)
            {
                results[i] = new BatchResult(item?.CaseId, item?.EventId, StatusCodes.Status400BadRequest, Errors("caseId", "Each event in a batch names its caseId (1 to 100 letters, digits or . _ - : @)."));
                continue;
            }
            var (e, errors) = item.ToEvent(receivedAt, actor);
            if (e is null)
            {
                results[i] = new BatchResult(item.CaseId, item.EventId, StatusCodes.Status400BadRequest, errors);
                continue;
            }
            if (!byCase.TryGetValue(item.CaseId, out var events))
            {
                byCase[item.CaseId] = events = [];
            }
            events.Add((i, e));
        }

        // Bounded: a batch of 1,000 cases must not ask storage for 1,000 connections at once.
        await Parallel.ForEachAsync(byCase, new ParallelOptions { MaxDegreeOfParallelism = BatchParallelism }, async (pair, _) =>
        {
            var grain = grains.Get<ICaseGrain>(pair.Key);
            var unavailable = false;
            foreach (var (index, e) in pair.Value)
            {
                CaseWriteResult result;
                try
                {
                    result = unavailable ? throw new TimeoutException() : await grain.Apply(e);
                }
                catch (Exception ex) when (StorageUnavailableHandler.AnswersRetry(ex))
                {
                    // Later events of this case may depend on this one: none of them is applied, all can be resent.
                    unavailable = true;
                    results[index] = new BatchResult(pair.Key, e.EventId, StatusCodes.Status503ServiceUnavailable, Errors("$", "Storage is unavailable; resend this event."));
                    continue;
                }
                results[index] = result.Outcome switch
                {
                    CaseWriteOutcome.Applied => new BatchResult(pair.Key, e.EventId, StatusCodes.Status200OK),
                    CaseWriteOutcome.Replayed => new BatchResult(pair.Key, e.EventId, StatusCodes.Status200OK, Replayed: true),
                    CaseWriteOutcome.NotFound => new BatchResult(pair.Key, e.EventId, StatusCodes.Status404NotFound, Errors("caseId", $"There is no case '{pair.Key}': send its 'opened' event first.")),
                    CaseWriteOutcome.Conflict => new BatchResult(pair.Key, e.EventId, StatusCodes.Status409Conflict, result.Errors),
                    _ => new BatchResult(pair.Key, e.EventId, StatusCodes.Status400BadRequest, result.Errors),
                };
            }
        });
        return results;
    }

    private static Dictionary<string, string[]> Errors(string field, string message) => new() { [field] = [message] };

    /// <summary>One event's outcome in a batch: <c>status</c> as the single-event endpoint would answer, and its errors.</summary>
    public sealed record BatchResult(string? CaseId, string? EventId, int Status, IReadOnlyDictionary<string, string[]>? Error = null, bool Replayed = false);
}
