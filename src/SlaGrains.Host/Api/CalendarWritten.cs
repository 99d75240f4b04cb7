using NodaTime;
using SlaGrains.Domain.Calendars;

namespace SlaGrains.Host.Api;

/// <summary>
/// The answer to a calendar PUT: the version written (or the latest, when nothing changed) and, per open case that
/// counts time by the calendar, whether it was recomputed under the new version.
/// </summary>
public sealed record CalendarWritten(string CalendarId, Instant UpdatedAt, int Version, Instant EffectiveFrom, Instant RecordedAt,
    IReadOnlyList<CaseOperationResult> Recomputed) : IStoredRead<CalendarDefinition>;
