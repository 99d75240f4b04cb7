using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using SlaGrains.Contracts.Audit;
using SlaGrains.Contracts.Catalog;
using SlaGrains.Host.Api;
using SlaGrains.Host.Hosting;
using SlaGrains.Host.Security;

namespace SlaGrains.Host.Audit;

/// <summary>docs/api.md, "Audit trail": who changed which definition when, newest first, filtered and cursor-paged.</summary>
public static class AuditApi
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 500;

    public static RouteGroupBuilder MapAuditApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/audit").WithTags("Audit").RequireAuthorization(Scopes.Admin);

        group.MapGet("/", ListAudit).ProducesValidationProblem()
            .WithName("listAudit").WithSummary("Read the audit trail, newest first");

        return group;
    }

    private static async Task<Results<JsonOk<AuditPage>, ProblemHttpResult>> ListAudit(
        [Description("Only entries at or after this instant")] string? from,
        [Description("Only entries before this instant")] string? to,
        [Description("Only changes by this actor id (a key's or user's name)")] string? actor,
        [Description("Only this kind of resource: calendar, process, entitlement, webhook, ...")] string? kind,
        [Description("Only this resource id")] string? resource,
        [Description("The nextCursor of the previous page")] string? cursor,
        [Description($"At most this many entries (1 to 500, default 100)")] int? limit,
        GrainReferences grains)
    {
        var errors = new Dictionary<string, string[]>();
        var start = string.IsNullOrEmpty(from) ? (Instant?)null : Query.Instant(from, "from", errors);
        var end = string.IsNullOrEmpty(to) ? (Instant?)null : Query.Instant(to, "to", errors);
        if (start is { } s && end is { } e && e < s)
        {
            errors["to"] = ["to is before from."];
        }
        if (limit is < 1 or > MaxLimit)
        {
            errors["limit"] = [$"limit is 1 to {MaxLimit}."];
        }
        AuditCursor? after = null;
        if (!string.IsNullOrEmpty(cursor))
        {
            if (AuditCursor.TryParse(cursor, out var parsed))
            {
                after = parsed;
            }
            else
            {
                errors["cursor"] = ["Pass the nextCursor of the previous page as it was given."];
            }
        }
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors);
        }

        var take = limit ?? DefaultLimit;
        var firstDay = start is { } f ? AuditLog.DayKey(f) : null;
        var lastDay = end is { } l ? AuditLog.DayKey(l) : null;
        var days = (await grains.Get<ICatalogGrain>(ICatalogGrain.AuditDays).List())
            .Where(d => (firstDay is null || string.CompareOrdinal(d, firstDay) >= 0) &&
                        (lastDay is null || string.CompareOrdinal(d, lastDay) <= 0) &&
                        (after is null || string.CompareOrdinal(d, after.Value.Day) <= 0))
            .Reverse();

        // One more than asked for, to know whether a next page exists without handing out a cursor to an empty one.
        var found = new List<(AuditEntry Entry, AuditCursor At)>();
        foreach (var day in days)
        {
            var entries = await grains.Get<IAuditDayGrain>(day).Entries();
            var position = after is { } c && c.Day == day ? Math.Min(c.Position, entries.Count) : entries.Count;
            for (var i = position - 1; i >= 0 && found.Count <= take; i--)
            {
                var entry = entries[i];
                if ((start is null || entry.At >= start) && (end is null || entry.At < end) &&
                    (actor is null || entry.Actor.Id == actor) && (kind is null || entry.Resource.Kind == kind) &&
                    (resource is null || entry.Resource.Id == resource))
                {
                    found.Add((entry, new AuditCursor(day, i)));
                }
            }
            if (found.Count > take)
            {
                break;
            }
        }
        var page = found.Take(take).ToList();
        var next = found.Count > take ? page[^1].At.ToString() : null;
        return ApiJson.Ok(new AuditPage([.. page.Select(p => AuditItem.From(p.Entry))], next));
    }
}
