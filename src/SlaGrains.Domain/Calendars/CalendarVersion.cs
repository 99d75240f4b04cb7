using NodaTime;

namespace SlaGrains.Domain.Calendars;

/// <summary>One version of a calendar as the engine reads it: its number, when it takes effect, when it was recorded, its hours.</summary>
public sealed record CalendarVersion(int Version, Instant EffectiveFrom, Instant RecordedAt, BusinessCalendar Calendar);
