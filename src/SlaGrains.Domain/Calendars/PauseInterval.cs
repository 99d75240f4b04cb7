using NodaTime;

namespace SlaGrains.Domain.Calendars;

/// <summary>A span <c>[Start, End)</c> during which a milestone's clock is stopped; an open pause has no end yet.</summary>
public readonly record struct PauseInterval(Instant Start, Instant? End);
