using NodaTime;
using SlaGrains.Domain.Calendars;

namespace SlaGrains.Host.Api;

/// <summary>
/// A stored calendar as reads show it: the definition of the version in force, then the calendar's id, when it last
/// changed, and that version's number and effective instant.
/// </summary>
public sealed record CalendarRead(string CalendarId, Instant UpdatedAt, int Version, Instant EffectiveFrom) : IStoredRead<CalendarDefinition>;
