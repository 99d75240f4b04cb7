using NodaTime;
using SlaGrains.Domain.Entitlements;

namespace SlaGrains.Contracts.Entitlements;

/// <summary>A customer account, keyed by its id: the index of its entitlements, used to match cases opened without one.</summary>
[Alias("sla.account")]
public interface IAccountGrain : IGrainWithStringKey
{
    [Alias("attach")]
    Task Attach(string entitlementId);

    [Alias("detach")]
    Task Detach(string entitlementId);

    /// <summary>The account's entitlements, smallest id first.</summary>
    [Alias("entitlements")]
    Task<IReadOnlyList<EntitlementRecord>> ListEntitlements();

    /// <summary>The entitlement a case opened on <paramref name="openDate"/> gets (docs/semantics.md, "Entitlements"), and why.</summary>
    [Alias("match")]
    Task<EntitlementMatch> Match(string? contactId, string? assetId, LocalDate openDate);
}
