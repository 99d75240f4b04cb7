using NodaTime;

namespace SlaGrains.Domain.Calendars;

/// <summary>
/// The instants SlaGrains accepts and computes with (docs/operations.md, "Time: instants, spans and calendars").
/// Every entry point refuses an instant outside it, and business-time arithmetic never looks outside it: a result
/// that would lie beyond <see cref="End"/> is "not reachable" (null), so the cost of any question is bounded by the
/// calendar blocks of this range, not by how far a caller points.
/// </summary>
public static class InstantRange
{
    /// <summary>The first supported instant, 1900-01-01T00:00:00Z (inclusive).</summary>
    public static Instant Start { get; } = Instant.FromUtc(1900, 1, 1, 0, 0);

    /// <summary>The first instant past the range, 2200-01-01T00:00:00Z (exclusive).</summary>
    public static Instant End { get; } = Instant.FromUtc(2200, 1, 1, 0, 0);

    /// <summary>The most business time one <c>add</c> may ask for: 100 years of 365.25 days.</summary>
    public static Duration MaxSpan { get; } = Duration.FromDays(36_525);

    public const string Description = "from 1900-01-01T00:00:00Z (inclusive) to 2200-01-01T00:00:00Z (exclusive)";

    public static bool Contains(Instant t) => t >= Start && t < End;

    /// <summary>The message for an instant outside the range, naming what was given; null when it is inside.</summary>
    public static string? Check(Instant t, string field) =>
        Contains(t) ? null : $"{field} must lie {Description}; {t} is outside that range.";
}
