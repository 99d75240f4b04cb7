using NodaTime;
using SlaGrains.Domain.Validation;

namespace SlaGrains.Domain.Calendars;

/// <summary>
/// Business-time arithmetic (docs/semantics.md, "Business time"): on one definition (<see cref="WeeklyCalendar"/>)
/// or on the versions of a calendar in force one after another (<see cref="VersionedCalendar"/>). Only
/// <see cref="InstantRange"/> is computed: a result beyond its end is null ("not reachable"). Thread-safe.
/// </summary>
public abstract class BusinessCalendar
{
    /// <summary>24x7 in UTC: what a milestone uses when no calendar applies.</summary>
    public static BusinessCalendar AlwaysOpen { get; } =
        FromDefinition(new CalendarDefinition { Name = "24x7", TimeZone = "Etc/UTC", AlwaysOpen = true });

    /// <summary>Compiles a definition; throws <see cref="DomainValidationException"/> if it is invalid.</summary>
    public static BusinessCalendar FromDefinition(CalendarDefinition definition)
    {
        var errors = new ValidationErrors();
        var rules = CalendarValidator.TryCompile(definition, errors);
        errors.ThrowIfInvalid("calendar");
        return new WeeklyCalendar(rules!);
    }

    /// <summary>
    /// The earliest open instant <c>u ≥ start</c> with exactly <paramref name="duration"/> of open time in <c>[start, u)</c>.
    /// A budget used up exactly at a closing time lands on the next opening; a zero duration rolls a closed start forward.
    /// Null when that instant is not before <see cref="InstantRange.End"/>.
    /// </summary>
    public abstract Instant? Add(Instant start, Duration duration);

    /// <summary>Open time in <c>[start, until)</c>; negative when <paramref name="until"/> is before <paramref name="start"/>.</summary>
    public abstract Duration Elapsed(Instant start, Instant until);

    public abstract bool IsOpen(Instant t);

    /// <summary>The next instant after <paramref name="t"/> at which the calendar opens or closes; null for 24x7 and
    /// when there is none before <see cref="InstantRange.End"/>.</summary>
    public abstract Instant? NextTransition(Instant t);

    /// <summary>Like <see cref="Add(Instant, Duration)"/>, with the clock also stopped during <paramref name="pauses"/> (sorted, disjoint).
    /// Null when the budget cannot run out: an open-ended pause stops the clock for good, or the end lies beyond the range.</summary>
    public Instant? Add(Instant start, Duration duration, IReadOnlyList<PauseInterval> pauses)
    {
        ArgumentNullException.ThrowIfNull(pauses);
        var cursor = start;
        var remaining = duration;
        foreach (var pause in pauses)
        {
            if (pause.End is { } pauseEnd && pauseEnd <= cursor)
            {
                continue;
            }
            if (pause.Start > cursor)
            {
                var before = Elapsed(cursor, pause.Start);
                if (before > remaining)
                {
                    return Add(cursor, remaining);
                }
                remaining -= before;
            }
            if (pause.End is null)
            {
                return null;
            }
            cursor = pause.End.Value;
        }
        return Add(cursor, remaining);
    }

    /// <summary>Open time in <c>[from, to)</c> outside <paramref name="pauses"/>; <c>from ≤ to</c>.</summary>
    public Duration Elapsed(Instant from, Instant to, IReadOnlyList<PauseInterval> pauses) =>
        Elapsed(from, to) - PausedOpenTime(from, to, pauses);

    /// <summary>Open time in <c>[from, to)</c> that fell inside <paramref name="pauses"/>.</summary>
    public Duration PausedOpenTime(Instant from, Instant to, IReadOnlyList<PauseInterval> pauses)
    {
        ArgumentNullException.ThrowIfNull(pauses);
        var paused = Duration.Zero;
        foreach (var pause in pauses)
        {
            var start = pause.Start > from ? pause.Start : from;
            var end = pause.End is { } e && e < to ? e : to;
            if (end > start)
            {
                paused += Elapsed(start, end);
            }
        }
        return paused;
    }
}
