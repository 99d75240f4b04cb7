using System.Collections.Immutable;

namespace SlaGrains.Domain.Entitlements;

/// <summary>
/// Counts the cases that entered a process through a per-incident entitlement: once per case id, never twice for the
/// same case (events replayed, case reopened). Immutable, so grain state can hold it as it is.
/// </summary>
public sealed record PerIncidentLedger(int? CasesAllowed, ImmutableSortedSet<string> CountedCases)
{
    public static PerIncidentLedger For(int? casesAllowed) => new(casesAllowed, ImmutableSortedSet.Create<string>(StringComparer.Ordinal));

    /// <summary>Null when unlimited.</summary>
    public int? RemainingCases => CasesAllowed is { } allowed ? Math.Max(0, allowed - CountedCases.Count) : null;

    /// <summary>
    /// Admits a case (idempotent for a case already counted) or refuses it when none remain. An unlimited entitlement
    /// counts nothing: a record of every case it ever admitted would grow with each and be rewritten at each, which
    /// made opening n cases under one entitlement cost n² bytes of writes. A cap set later counts from then.
    /// </summary>
    public (bool Admitted, PerIncidentLedger Ledger) Admit(string caseId)
    {
        if (CasesAllowed is null)
        {
            return (true, CountedCases.IsEmpty ? this : For(null)); // drops what an earlier version recorded
        }
        if (CountedCases.Contains(caseId))
        {
            return (true, this);
        }
        if (RemainingCases is 0)
        {
            return (false, this);
        }
        return (true, this with { CountedCases = CountedCases.Add(caseId) });
    }
}
