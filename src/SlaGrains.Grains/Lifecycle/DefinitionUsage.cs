using SlaGrains.Contracts.Catalog;
using SlaGrains.Contracts.Entitlements;
using SlaGrains.Contracts.Processes;
using SlaGrains.Domain.Processes;
using SlaGrains.Domain.Validation;

namespace SlaGrains.Grains.Lifecycle;

/// <summary>
/// Which definitions name a calendar or a process, found through the catalogs (docs/api.md, "Lifecycle"):
/// definitions are few, so reading each is cheap, and no case is ever read.
/// </summary>
public static class DefinitionUsage
{
    /// <summary>
    /// The processes with any version naming the calendar (a case may be pinned to any version) and the entitlements
    /// naming it.
    /// </summary>
    public static async Task<IReadOnlyList<string>> OfCalendar(IGrainFactory grains, string calendarId, Limits limits)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var usedBy = new List<string>();
        foreach (var processId in await grains.GetGrain<ICatalogGrain>(ICatalogGrain.Processes).List())
        {
            var versions = await grains.GetGrain<IProcessGrain>(processId).Versions();
            var naming = versions.Where(v => ProcessValidator.CalendarIds(v.Definition, limits).Contains(calendarId, StringComparer.Ordinal))
                .Select(v => v.Version).ToList();
            if (naming.Count > 0)
            {
                usedBy.Add($"process '{processId}' ({(naming.Count == 1 ? "version" : "versions")} {string.Join(", ", naming)})");
            }
        }
        usedBy.AddRange(await Entitlements(grains, e => e.CalendarId == calendarId));
        return usedBy;
    }

    /// <summary>The entitlements granting the process.</summary>
    public static Task<IReadOnlyList<string>> OfProcess(IGrainFactory grains, string processId) =>
        Entitlements(grains, e => e.ProcessId == processId);

    private static async Task<IReadOnlyList<string>> Entitlements(IGrainFactory grains, Func<Domain.Entitlements.EntitlementDefinition, bool> names)
    {
        var ids = await grains.GetGrain<ICatalogGrain>(ICatalogGrain.Entitlements).List();
        var records = await Task.WhenAll(ids.Select(id => grains.GetGrain<IEntitlementGrain>(id).Read()));
        return [.. records.OfType<EntitlementRecord>().Where(r => names(r.Definition)).Select(r => $"entitlement '{r.EntitlementId}'")];
    }
}
