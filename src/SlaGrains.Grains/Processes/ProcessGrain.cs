using NodaTime;
using SlaGrains.Contracts;
using SlaGrains.Contracts.Catalog;
using SlaGrains.Contracts.Calendars;
using SlaGrains.Contracts.Processes;
using SlaGrains.Domain.Processes;
using SlaGrains.Domain.Validation;
using SlaGrains.Grains.Lifecycle;

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
        if (!state.State.Deleted && versions.Count > 0 && DefinitionComparer.Same(versions[^1].Definition, definition))
        {
            return new WriteResult<ProcessVersion> { Value = versions[^1], Unchanged = true };
        }
        return new WriteResult<ProcessVersion> { Value = await Store(definition) };
    }

    public Task<ProcessVersion?> GetLatest() => Task.FromResult(Latest);

    public Task<IReadOnlyList<ProcessVersion>> Versions() =>
        Task.FromResult<IReadOnlyList<ProcessVersion>>(state.State.Deleted ? [] : [.. state.State.Versions]);

    public async Task<WriteResult<ProcessVersion>> SetActive(bool active)
    {
        if (Latest is not { } latest)
        {
            return new WriteResult<ProcessVersion>();
        }
        if (latest.Definition.Active == active)
        {
            return new WriteResult<ProcessVersion> { Value = latest, Unchanged = true };
        }
        return new WriteResult<ProcessVersion> { Value = await Store(latest.Definition with { Active = active }) };
    }

    public async Task<DeleteResult> Delete()
    {
        if (Latest is null)
        {
            return DeleteResult.NotFound;
        }
        var usedBy = await DefinitionUsage.OfProcess(GrainFactory, this.GetPrimaryKeyString());
        if (usedBy.Count > 0)
        {
            return new DeleteResult { Found = true, UsedBy = usedBy };
        }
        state.State.Deleted = true;
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<ICatalogGrain>(ICatalogGrain.Processes).Remove(this.GetPrimaryKeyString());
        return DeleteResult.Deleted;
    }

    private ProcessVersion? Latest => state.State is { Deleted: false, Versions: [.., var last] } ? last : null;

    private async Task<ProcessVersion> Store(ProcessDefinition definition)
    {
        var versions = state.State.Versions;
        var now = Instant.FromDateTimeOffset(clock.GetUtcNow());
        var created = new ProcessVersion(this.GetPrimaryKeyString(), versions.Count + 1, now, definition);
        versions.Add(created);
        state.State.Deleted = false;
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<ICatalogGrain>(ICatalogGrain.Processes).Add(this.GetPrimaryKeyString());
        return created;
    }

    public Task<ProcessVersion?> GetVersion(int version) =>
        Task.FromResult(version >= 1 && version <= state.State.Versions.Count ? state.State.Versions[version - 1] : null);

    private async Task<HashSet<string>> ExistingCalendars(ProcessDefinition definition)
    {
        var ids = ProcessValidator.CalendarIds(definition, limits);
        var found = await Task.WhenAll(ids.Select(id => GrainFactory.GetGrain<ICalendarGrain>(id).Read()));
        return [.. found.OfType<CalendarRecord>().Select(c => c.CalendarId)];
    }
}
