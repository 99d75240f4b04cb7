using NodaTime;

namespace SlaGrains.Host.Api;

/// <summary>The instant reached by adding business time to a start (<c>GET /api/v1/calendars/{calendarId}/add</c>).</summary>
public sealed record CalendarAddResult(Instant Result);
