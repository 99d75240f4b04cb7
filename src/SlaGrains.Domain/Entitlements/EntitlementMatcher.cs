using NodaTime;

namespace SlaGrains.Domain.Entitlements;

/// <summary>
/// Picks the entitlement for a case opened without one (docs/semantics.md, "Entitlements"): Active on the open date and covering the
/// case's contact and asset; the most specific wins (asset, then contact, then account-wide); among equals the one
/// ending first, then the smallest id. Entitlements with cases left are preferred over used-up ones, so a used-up
/// asset entitlement does not hide an account-wide one that can still admit the case.
/// </summary>
public static class EntitlementMatcher
{
    public static EntitlementMatch Match(IEnumerable<EntitlementCandidate> candidates, string? contactId, string? assetId, LocalDate openDate)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var all = candidates.ToList();
        if (all.Count == 0)
        {
            return new EntitlementMatch(null, "The account has no entitlements.");
        }

        var active = all.Where(c => c.Definition.StatusOn(openDate) == EntitlementStatus.Active).ToList();
        if (active.Count == 0)
        {
            return new EntitlementMatch(null, $"None of the account's {all.Count} entitlement(s) is active on {openDate:yyyy-MM-dd}.");
        }

        var covering = active.Where(c => Covers(c.Definition, contactId, assetId)).ToList();
        if (covering.Count == 0)
        {
            return new EntitlementMatch(null,
                $"None of the {active.Count} active entitlement(s) covers contact '{contactId ?? "(none)"}' and asset '{assetId ?? "(none)"}'.");
        }

        var best = covering
            .OrderBy(c => c.RemainingCases is 0 ? 1 : 0)
            .ThenBy(c => Specificity(c.Definition))
            .ThenBy(c => c.Definition.EndDate ?? LocalDate.MaxIsoValue)
            .ThenBy(c => c.EntitlementId, StringComparer.Ordinal)
            .First();

        var why = Specificity(best.Definition) switch
        {
            0 => $"asset-specific entitlement for asset '{best.Definition.AssetId}'",
            1 => $"contact-specific entitlement covering contact '{contactId}'",
            _ => "account-wide entitlement",
        };
        var reason = $"Matched '{best.EntitlementId}': the {why}, chosen from {covering.Count} active covering entitlement(s) on {openDate:yyyy-MM-dd}" +
            (covering.Count > 1 ? " (most specific, then ending first, then smallest id)." : ".");
        if (best.RemainingCases is 0)
        {
            reason += " It has no remaining cases.";
        }
        return new EntitlementMatch(best.EntitlementId, reason);
    }

    private static bool Covers(EntitlementDefinition definition, string? contactId, string? assetId) =>
        (definition.AssetId is null || string.Equals(definition.AssetId, assetId, StringComparison.Ordinal)) &&
        (definition.ContactIds is null || definition.ContactIds.Count == 0 ||
         (contactId is not null && definition.ContactIds.Contains(contactId, StringComparer.Ordinal)));

    private static int Specificity(EntitlementDefinition definition) =>
        definition.AssetId is not null ? 0 : definition.ContactIds is { Count: > 0 } ? 1 : 2;
}
