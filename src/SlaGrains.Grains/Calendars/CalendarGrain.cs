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
    private List<CalendarVersionRecord> Versions => state.State.Versions;

    public async Task<WriteResult<CalendarRecord>> Put(CalendarDefinition definition, bool allowPast)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var now = Instant.FromDateTimeOffset(clock.GetUtcNow());
        var errors = CalendarValidator.Validate(definition, limits);
        if (definition.EffectiveFrom is { } requested)
        {
            if (InstantRange.Check(requested, "effectiveFrom") is { } outside)
            {
                errors.Add("effectiveFrom", outside);
            }
            else if (requested < now && !allowPast)
            {
                errors.Add("effectiveFrom", $"effectiveFrom {requested} is before now ({now}). Omit it to take effect now, or send " +
                    "?allowPast=true to apply the version from then on to the open cases (closed cases keep their past).");
            }
        }
        if (!errors.IsValid)
        {
            return new WriteResult<CalendarRecord> { Errors = errors.ToDictionary() };
        }
        var hours = definition with { EffectiveFrom = null };
        if (Versions.Count > 0 && Versions[^1] is var latest && DefinitionComparer.Same(latest.Definition, hours) &&
            (definition.EffectiveFrom is null || definition.EffectiveFrom == latest.EffectiveFrom))
        {
            return new WriteResult<CalendarRecord> { Value = Record(now)!, Unchanged = true };
        }
        var recordedAt = Versions.Count > 0 && now <= Versions[^1].RecordedAt
            ? Versions[^1].RecordedAt + Duration.FromTicks(1) // recordedAt orders the versions and keys the compiled calendars
            : now;
        Versions.Add(new CalendarVersionRecord(Versions.Count + 1, hours, definition.EffectiveFrom ?? now, recordedAt));
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<ICatalogGrain>(ICatalogGrain.Calendars).Add(this.GetPrimaryKeyString());
        return new WriteResult<CalendarRecord> { Value = Record(now)! };
    }

    public Task<CalendarRecord?> Read() => Task.FromResult(Record(Instant.FromDateTimeOffset(clock.GetUtcNow())));

    public async Task<DeleteResult> Delete()
    {
        if (Versions.Count == 0)
        {
            return DeleteResult.NotFound;
        }
        var usedBy = await DefinitionUsage.OfCalendar(GrainFactory, this.GetPrimaryKeyString(), limits);
        if (usedBy.Count > 0)
        {
            return new DeleteResult { Found = true, UsedBy = usedBy };
        }
        Versions.Clear();
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<ICatalogGrain>(ICatalogGrain.Calendars).Remove(this.GetPrimaryKeyString());
        return DeleteResult.Deleted;
    }

    /// <summary>The calendar with the version in force at <paramref name="now"/>; null when there is none.</summary>
    private CalendarRecord? Record(Instant now)
    {
        if (Versions.Count == 0)
        {
            return null;
        }
        var all = Versions.ToList();
        var current = CalendarRecord.InForce(all, now);
        return new CalendarRecord(this.GetPrimaryKeyString(), current.Definition, all[^1].RecordedAt, current.Version, current.EffectiveFrom, all);
    }
}
