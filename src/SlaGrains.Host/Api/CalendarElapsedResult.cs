namespace SlaGrains.Host.Api;

/// <summary>The business time between two instants, in whole seconds (<c>GET /api/v1/calendars/{calendarId}/elapsed</c>).</summary>
public sealed record CalendarElapsedResult(long Seconds);
