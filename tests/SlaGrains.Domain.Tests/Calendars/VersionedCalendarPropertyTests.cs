using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using SlaGrains.Domain.Calendars;

namespace SlaGrains.Domain.Tests.Calendars;

/// <summary>Business time over two random calendars switching at a random instant near a DST change.</summary>
[Properties(Arbitrary = [typeof(CalendarArbitraries)], MaxTest = 200)]
public sealed class VersionedCalendarPropertyTests
{
    private static VersionedCalendar Switched(CalendarCase c, CalendarCase next) => new([(InstantRange.Start, c.Calendar), (c.B, next.Calendar)]);

    [Property]
    public Property Elapsed_undoes_add_across_the_switch(CalendarCase c, CalendarCase next)
    {
        var calendar = Switched(c, next);
        return (calendar.Add(c.A, c.D1) is { } end && calendar.Elapsed(c.A, end) == c.D1 && end >= c.A && calendar.IsOpen(end))
            .Label($"{c} then {next}");
    }

    [Property]
    public Property Elapsed_is_each_versions_open_time_on_its_side_of_the_switch(CalendarCase c, CalendarCase next)
    {
        var calendar = Switched(c, next);
        var (from, to) = c.A <= c.C ? (c.A, c.C) : (c.C, c.A);
        var before = from < c.B ? c.Calendar.Elapsed(from, to < c.B ? to : c.B) : Duration.Zero;
        var after = to > c.B ? next.Calendar.Elapsed(from > c.B ? from : c.B, to) : Duration.Zero;
        return (calendar.Elapsed(from, to) == before + after).Label($"{c} then {next}");
    }

    [Property]
    public Property Adding_twice_is_adding_the_sum(CalendarCase c, CalendarCase next)
    {
        var calendar = Switched(c, next);
        return (calendar.Add(calendar.Add(c.A, c.D1)!.Value, c.D2) == calendar.Add(c.A, c.D1 + c.D2)).Label($"{c} then {next}");
    }

    [Property]
    public Property Next_transition_flips_the_open_state_and_nothing_flips_before_it(CalendarCase c, CalendarCase next)
    {
        var calendar = Switched(c, next);
        if (calendar.NextTransition(c.A) is not { } at)
        {
            return false.Label($"weekly hours always have a next transition: {c} then {next}");
        }
        var open = calendar.IsOpen(c.A);
        var between = calendar.Elapsed(c.A, at);
        return (at > c.A && calendar.IsOpen(at) != open && between == (open ? at - c.A : Duration.Zero)).Label($"{c} then {next}");
    }
}
