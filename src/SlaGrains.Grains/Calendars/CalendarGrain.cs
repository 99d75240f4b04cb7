using NodaTime;
using SlaGrains.Contracts;
using SlaGrains.Contracts.Catalog;
using SlaGrains.Contracts.Calendars;
using SlaGrains.Domain.Calendars;
using SlaGrains.Domain.Validation;
using SlaGrains.Grains.Lifecycle;

namespace SlaGrains.Grains.Calendars;

[GrainType("calendar")]
public sealed class CalendarGrain(
    [PersistentState("calendar", StorageNames.Sla)] IPersistentState<CalendarState> state,
    TimeProvider clock,
    Limits limits) : Grain, ICalendarGrain
{
    public async Task<WriteResult<CalendarRecord>> Put(CalendarDefinition definition)
    {
        var errors = CalendarValidator.Validate(definition, limits);
        if (!errors.IsValid)
        {
            return new WriteResult<CalendarRecord> { Errors = errors.ToDictionary() };
        }
        if (state.State.Calendar is { } existing && DefinitionComparer.Same(existing.Definition, definition))
        {
            return new WriteResult<CalendarRecord> { Value = existing, Unchanged = true };
        }
        var now = Instant.FromDateTimeOffset(clock.GetUtcNow());
        if (state.State.Calendar is { } previous && now <= previous.UpdatedAt)
        {
            now = previous.UpdatedAt + Duration.FromTicks(1); // updatedAt names the version compiled calendars are cached by
        }
        state.State.Calendar = new CalendarRecord(this.GetPrimaryKeyString(), definition, now);
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<ICatalogGrain>(ICatalogGrain.Calendars).Add(this.GetPrimaryKeyString());
        return new WriteResult<CalendarRecord> { Value = state.State.Calendar };
    }

    public Task<CalendarRecord?> Read() => Task.FromResult(state.State.Calendar);

    public async Task<DeleteResult> Delete()
    {
        if (state.State.Calendar is null)
        {
            return DeleteResult.NotFound;
        }
        var usedBy = await DefinitionUsage.OfCalendar(GrainFactory, this.GetPrimaryKeyString(), limits);
        if (usedBy.Count > 0)
        {
            return new DeleteResult { Found = true, UsedBy = usedBy };
        }
        state.State.Calendar = null;
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<ICatalogGrain>(ICatalogGrain.Calendars).Remove(this.GetPrimaryKeyString());
        return DeleteResult.Deleted;
    }
}
