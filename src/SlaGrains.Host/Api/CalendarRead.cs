using NodaTime;
using SlaGrains.Domain.Calendars;

namespace SlaGrains.Host.Api;

/// <summary>A stored calendar as reads show it: its definition, then its id and when it last changed.</summary>
public sealed record CalendarRead(string CalendarId, Instant UpdatedAt) : IStoredRead<CalendarDefinition>;
