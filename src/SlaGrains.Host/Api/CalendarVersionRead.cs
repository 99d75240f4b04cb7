using NodaTime;
using SlaGrains.Domain.Calendars;

namespace SlaGrains.Host.Api;

/// <summary>One version of a calendar as <c>GET /api/v1/calendars/{id}/versions</c> lists it: its hours, then these.</summary>
public sealed record CalendarVersionRead(string CalendarId, int Version, Instant EffectiveFrom, Instant RecordedAt) : IStoredRead<CalendarDefinition>;
