using NodaTime;
using SlaGrains.Domain.Calendars;

namespace SlaGrains.Contracts.Calendars;

/// <summary>
/// A stored calendar: the version in force when it was read (its hours, number and effective instant), when the
/// calendar last changed, and every version, oldest first (docs/semantics.md, "Calendar versions").
/// </summary>
[GenerateSerializer, Immutable, Alias("sla.calendar-record")]
public sealed record CalendarRecord(
    [property: Id(0)] string CalendarId,
    [property: Id(1)] CalendarDefinition Definition,
    [property: Id(2)] Instant UpdatedAt,
    [property: Id(3)] int Version,
    [property: Id(4)] Instant EffectiveFrom,
    [property: Id(5)] IReadOnlyList<CalendarVersionRecord> Versions)
{
    /// <summary>The version in force at <paramref name="at"/>: the highest-numbered one effective by then (the first before any).</summary>
    public CalendarVersionRecord InForceAt(Instant at) => InForce(Versions, at);

    /// <summary>Of <paramref name="versions"/> (oldest first, at least one), the one in force at <paramref name="at"/>.</summary>
    public static CalendarVersionRecord InForce(IReadOnlyList<CalendarVersionRecord> versions, Instant at)
    {
        ArgumentNullException.ThrowIfNull(versions);
        return versions.Where(v => v.EffectiveFrom <= at).MaxBy(v => v.Version) ?? versions[0];
    }
}
