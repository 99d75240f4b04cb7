using System.ComponentModel;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using SlaGrains.Contracts.Cases;
using SlaGrains.Contracts.Queues;
using SlaGrains.Domain.Cases;
using SlaGrains.Domain.Validation;
using SlaGrains.Host.Hosting;
using SlaGrains.Host.Security;

namespace SlaGrains.Host.Api;

/// <summary>
/// docs/api.md, "Listing open cases": by owner, queues and milestone state, read from the indexes (queue, owner, all
/// open cases) and never by visiting every case; only the page's own cases are read, for figures as of now.
/// </summary>
public static class CaseListApi
{
    public const string Me = "me";
    private const int DefaultLimit = 100;

    public static RouteGroupBuilder MapCaseListApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1").WithTags("Cases");
        group.MapGet("/cases", async Task<Results<JsonOk<CaseListPage>, ProblemHttpResult>> (
            [Description("`me` (the caller's own cases) or a user id")] string? owner,
            [Description("Queue names (repeat the parameter for several); with owner, that owner's cases in these queues")] string[]? queue,
            [Description("warning, violated, paused or stopped (repeatable, or comma-separated): cases with any of them")] string[]? state,
            [Description("The nextCursor of the previous page")] string? cursor,
            [Description($"At most this many cases (1 to 1000, default 100)")] int? limit,
            ClaimsPrincipal principal, GrainReferences grains) =>
        {
            var caller = Caller.From(principal);
            var errors = new ValidationErrors();
            var ownerId = owner == Me ? (caller.Kind == ActorKind.User ? caller.Id : null) : owner;
            if (owner == Me && ownerId is null)
            {
                errors.Add("owner", "owner=me needs a personal key; an integration names the user id.");
            }
            errors.Id("owner", owner == Me ? null : owner);
            var queues = (queue ?? []).Distinct(StringComparer.Ordinal).ToList();
            for (var i = 0; i < queues.Count; i++)
            {
                errors.QueueName("queue", queues[i]);
            }
            var states = new List<CaseListState>();
            foreach (var name in (state ?? []).SelectMany(s => s.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
            {
                if (Enum.TryParse<CaseListState>(name, ignoreCase: true, out var parsed) && !int.TryParse(name, out _))
                {
                    states.Add(parsed);
                }
                else
                {
                    errors.Add("state", $"{IdRules.Quote(name)} is not a state: use warning, violated, paused or stopped.");
                }
            }
            var after = cursor is null ? null : CaseListCursor.Decode(cursor);
            if (cursor is not null && after is null)
            {
                errors.Add("cursor", "Pass the nextCursor of a previous page as it was given.");
            }
            if (limit is < 1 or > CasesApi.MaxBatch)
            {
                errors.Add("limit", $"limit is between 1 and {CasesApi.MaxBatch} (default {DefaultLimit}).");
            }
            if (!errors.IsValid)
            {
                return ApiProblems.Invalid(errors.ToDictionary());
            }
            if (!caller.SeesAllCases)
            {
                if (ownerId is not null && ownerId != caller.Id)
                {
                    return ApiProblems.Forbidden("owner", "An agent lists their own cases (owner=me) and their queues' cases, not another user's.");
                }
                if (queues.FirstOrDefault(q => !caller.Queues.Contains(q, StringComparer.Ordinal)) is { } other)
                {
                    return ApiProblems.Forbidden("queue", $"{IdRules.Quote(other)} is not one of this agent's queues ({string.Join(", ", caller.Queues)}).");
                }
            }

            var take = limit ?? DefaultLimit;
            var query = new QueueQuery { After = after, Limit = take + 1, States = states, Queues = ownerId is null ? [] : queues };
            var page = await Read(Sources(caller, ownerId, queues), query, grains);
            var rows = await Task.WhenAll(page.Take(take).Select(e => Row(e, caller, grains)));
            var next = page.Count > take ? CaseListCursor.Encode(QueuePosition.Of(page[take - 1])) : null;
            return ApiJson.Ok(new CaseListPage([.. rows.OfType<CaseListRow>()], next));
        }).RequireAuthorization(Scopes.Read).ProducesValidationProblem()
            .WithName("listCases")
            .WithSummary("List open cases with every open milestone, soonest deadline first, by owner, queues and state")
            .WithDescription("Agents list their own cases and their queues' (without owner or queue: both); supervisors, admins and integrations list any, "
                + "and without owner or queue every open case. Cursor-paged: pass nextCursor back as cursor.");
        return group;
    }

    /// <summary>The indexes a listing reads: the owner's, else the queues', else (for an agent) its own and its queues', else all.</summary>
    private static List<string> Sources(Caller caller, string? ownerId, List<string> queues)
    {
        if (ownerId is not null)
        {
            return [CaseIndexes.Owner(ownerId)];
        }
        if (queues.Count > 0)
        {
            return queues;
        }
        return caller.SeesAllCases ? [CaseIndexes.All] : [CaseIndexes.Owner(caller.Id), .. caller.Queues];
    }

    private static async Task<IReadOnlyList<QueueEntry>> Read(List<string> sources, QueueQuery query, GrainReferences grains)
    {
        var pages = await Task.WhenAll(sources.Select(s => grains.Get<IQueueGrain>(s).Page(query)));
        // A case can be in two of the sources (an agent's own case in its queue): keep its newest entry once.
        var unique = pages.SelectMany(p => p).GroupBy(e => e.CaseId, StringComparer.Ordinal).Select(g => g.MaxBy(e => e.Version)!);
        return query.Page(unique);
    }

    /// <summary>The row as of now, from the case itself; null when it closed or left the caller's sight since the index saw it.</summary>
    private static async Task<CaseListRow?> Row(QueueEntry entry, Caller caller, GrainReferences grains)
    {
        if (await grains.Get<ICaseGrain>(entry.CaseId).GetSnapshot(null) is not { Closed: false } snapshot)
        {
            return null;
        }
        if (!caller.SeesAllCases && snapshot.Owner != caller.Id && !(snapshot.Queue is { } q && caller.Queues.Contains(q, StringComparer.Ordinal)))
        {
            return null;
        }
        var open = CaseIndexes.OpenMilestones(snapshot);
        return new CaseListRow
        {
            CaseId = snapshot.CaseId,
            AsOf = snapshot.AsOf,
            Subject = snapshot.Subject,
            Priority = snapshot.Priority,
            Status = snapshot.Status,
            Queue = snapshot.Queue,
            Owner = snapshot.Owner,
            AccountId = snapshot.AccountId,
            EntitlementId = snapshot.EntitlementId,
            IsStopped = snapshot.IsStopped,
            StoppedSince = snapshot.StoppedSince,
            MilestoneStatus = snapshot.MilestoneStatus,
            NextDeadlineAt = CaseEngine.NearestOpenMilestone(snapshot)?.TargetAt,
            Milestones = open,
        };
    }
}
