using NodaTime;
using SlaGrains.Domain.Entitlements;

namespace SlaGrains.Contracts.Entitlements;

/// <summary>One entitlement, keyed by its id; it keeps the per-incident ledger of the cases it admitted.</summary>
[Alias("sla.entitlement")]
public interface IEntitlementGrain : IGrainWithStringKey
{
    /// <summary>Validates and stores the definition and files it under its account; the same definition changes nothing.</summary>
    [Alias("put")]
    Task<WriteResult<EntitlementRecord>> Put(EntitlementDefinition definition);

    [Alias("read")]
    Task<EntitlementRecord?> Read();

    /// <summary>Deletes the entitlement unless it has admitted a case (their history and reports name it).</summary>
    [Alias("delete")]
    Task<DeleteResult> Delete();

    /// <summary>
    /// Lets a case opened on <paramref name="openDate"/> enter the process, counting it once ever against the cap, or
    /// says why not (unknown, not active that day, no cases left, process inactive).
    /// </summary>
    [Alias("admit")]
    Task<Admission> Admit(string caseId, LocalDate openDate);
}
