using NodaTime;
using SlaGrains.Contracts;
using SlaGrains.Contracts.Catalog;
using SlaGrains.Contracts.Calendars;
using SlaGrains.Contracts.Processes;
using SlaGrains.Domain.Processes;
using SlaGrains.Domain.Validation;

namespace SlaGrains.Grains.Processes;

[GrainType("process")]
public sealed class ProcessGrain(
    [PersistentState("process", StorageNames.Sla)] IPersistentState<ProcessState> state,
    TimeProvider clock,
    Limits limits) : Grain, IProcessGrain
{
    public async Task<WriteResult<ProcessVersion>> Put(ProcessDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var calendars = await ExistingCalendars(definition);
        var errors = ProcessValidator.Validate(definition, calendars.Contains, limits);
        if (!errors.IsValid)
        {
            return new WriteResult<ProcessVersion> { Errors = errors.ToDictionary() };
        }

        var versions = state.State.Versions;
        if (versions.Count > 0 && DefinitionComparer.Same(versions[^1].Definition, definition))
        {
            return new WriteResult<ProcessVersion> { Value = versions[^1], Unchanged = true };
        }
        var now = Instant.FromDateTimeOffset(clock.GetUtcNow());
        var created = new ProcessVersion(this.GetPrimaryKeyString(), versions.Count + 1, now, definition);
        versions.Add(created);
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<ICatalogGrain>(ICatalogGrain.Processes).Add(this.GetPrimaryKeyString());
        return new WriteResult<ProcessVersion> { Value = created };
    }

    public Task<ProcessVersion?> GetLatest() =>
        Task.FromResult(state.State.Versions.Count > 0 ? state.State.Versions[^1] : null);

    public Task<ProcessVersion?> GetVersion(int version) =>
        Task.FromResult(version >= 1 && version <= state.State.Versions.Count ? state.State.Versions[version - 1] : null);

    private async Task<HashSet<string>> ExistingCalendars(ProcessDefinition definition)
    {
        var ids = ProcessValidator.CalendarIds(definition, limits);
        var found = await Task.WhenAll(ids.Select(id => GrainFactory.GetGrain<ICalendarGrain>(id).Read()));
        return [.. found.OfType<CalendarRecord>().Select(c => c.CalendarId)];
    }
}
