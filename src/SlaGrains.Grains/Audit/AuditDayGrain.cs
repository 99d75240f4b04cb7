using SlaGrains.Contracts.Audit;

namespace SlaGrains.Grains.Audit;

[GrainType("audit-day")]
public sealed class AuditDayGrain(
    [PersistentState("audit", StorageNames.Sla)] IPersistentState<AuditDayState> state) : Grain, IAuditDayGrain
{
    public async Task Append(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        state.State.Entries.Add(entry);
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State.Entries.RemoveAt(state.State.Entries.Count - 1); // not stored, so not recorded
            throw;
        }
    }

    public Task<IReadOnlyList<AuditEntry>> Entries() => Task.FromResult<IReadOnlyList<AuditEntry>>([.. state.State.Entries]);
}
