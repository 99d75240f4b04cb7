using NodaTime;
using SlaGrains.Contracts.Entitlements;
using SlaGrains.Domain.Entitlements;

namespace SlaGrains.Grains.Entitlements;

[GrainType("account")]
public sealed class AccountGrain(
    [PersistentState("account", StorageNames.Sla)] IPersistentState<AccountState> state) : Grain, IAccountGrain
{
    public async Task Attach(string entitlementId)
    {
        if (state.State.EntitlementIds.Add(entitlementId))
        {
            await state.WriteStateAsync();
        }
    }

    public async Task Detach(string entitlementId)
    {
        if (state.State.EntitlementIds.Remove(entitlementId))
        {
            await state.WriteStateAsync();
        }
    }

    public async Task<IReadOnlyList<EntitlementRecord>> ListEntitlements()
    {
        var records = await Task.WhenAll(state.State.EntitlementIds.Select(id => GrainFactory.GetGrain<IEntitlementGrain>(id).Read()));
        // An entitlement moved to another account is detached after it is stored: skip it in the meantime.
        var accountId = this.GetPrimaryKeyString();
        return [.. records.OfType<EntitlementRecord>().Where(r => string.Equals(r.Definition.AccountId, accountId, StringComparison.Ordinal))];
    }

    public async Task<EntitlementMatch> Match(string? contactId, string? assetId, LocalDate openDate)
    {
        var records = await ListEntitlements();
        var candidates = records.Select(r => new EntitlementCandidate(r.EntitlementId, r.Definition, r.RemainingCases));
        return EntitlementMatcher.Match(candidates, contactId, assetId, openDate);
    }
}
