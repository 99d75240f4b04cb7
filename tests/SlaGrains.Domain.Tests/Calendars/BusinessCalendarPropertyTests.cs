using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace SlaGrains.Domain.Tests.Calendars;

/// <summary>The algebra of business time, over random calendars, zones and instants around DST changes.</summary>
[Properties(Arbitrary = [typeof(CalendarArbitraries)], MaxTest = 400)]
public sealed class BusinessCalendarPropertyTests
{
    [Property]
    public Property Elapsed_undoes_add(CalendarCase c) =>
        (c.Calendar.Elapsed(c.A, c.Calendar.Add(c.A, c.D1)!.Value) == c.D1).Label(c.ToString());

    [Property]
    public Property Adding_twice_is_adding_the_sum(CalendarCase c) =>
        (c.Calendar.Add(c.Calendar.Add(c.A, c.D1)!.Value, c.D2) == c.Calendar.Add(c.A, c.D1 + c.D2)).Label(c.ToString());

    [Property]
    public Property Add_is_monotonic_in_the_duration(CalendarCase c)
    {
        var (shorter, longer) = c.D1 <= c.D2 ? (c.D1, c.D2) : (c.D2, c.D1);
        return (c.Calendar.Add(c.A, shorter) <= c.Calendar.Add(c.A, longer)).Label(c.ToString());
    }

    [Property]
    public Property Add_always_lands_on_an_open_instant_at_or_after_the_start(CalendarCase c)
    {
        var result = c.Calendar.Add(c.A, c.D1)!.Value;
        return (result >= c.A && c.Calendar.IsOpen(result)).Label(c.ToString());
    }

    [Property]
    public Property Elapsed_is_additive_and_antisymmetric(CalendarCase c)
    {
        var cal = c.Calendar;
        return (cal.Elapsed(c.A, c.B) + cal.Elapsed(c.B, c.C) == cal.Elapsed(c.A, c.C) &&
                cal.Elapsed(c.B, c.A) == -cal.Elapsed(c.A, c.B)).Label(c.ToString());
    }

    [Property]
    public Property Elapsed_never_exceeds_wall_time(CalendarCase c)
    {
        var (from, to) = c.A <= c.B ? (c.A, c.B) : (c.B, c.A);
        var elapsed = c.Calendar.Elapsed(from, to);
        return (elapsed >= Duration.Zero && elapsed <= to - from).Label(c.ToString());
    }

    [Property]
    public Property Next_transition_flips_the_open_state_and_nothing_flips_before_it(CalendarCase c)
    {
        var cal = c.Calendar;
        var next = cal.NextTransition(c.A);
        if (next is not { } at)
        {
            return false.Label($"a calendar with weekly hours always has a next transition: {c}");
        }
        var open = cal.IsOpen(c.A);
        var betweenOpenTime = cal.Elapsed(c.A, at);
        // Constant state in [a, next): the open time there is all of it or none of it.
        var constant = open ? betweenOpenTime == at - c.A : betweenOpenTime == Duration.Zero;
        return (at > c.A && cal.IsOpen(at) != open && constant).Label(c.ToString());
    }
}
