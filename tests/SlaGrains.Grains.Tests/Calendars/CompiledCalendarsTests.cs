using Microsoft.Extensions.Options;
using NodaTime;
using SlaGrains.Contracts.Calendars;
using SlaGrains.Domain.Calendars;
using SlaGrains.Grains.Calendars;

namespace SlaGrains.Grains.Tests.Calendars;

/// <summary>Issue 20: calendars are compiled once per version and shared, in a cache of bounded size.</summary>
public sealed class CompiledCalendarsTests
{
    private static readonly Instant Monday = Instant.FromUtc(2025, 3, 3, 9, 0);

    private static CalendarRecord Record(string id, Instant updatedAt, string closesAt = "17:00")
    {
        var definition = new CalendarDefinition
        {
            Name = id,
            TimeZone = "Etc/UTC",
            Weekly = new WeeklySchedule { Monday = [new("09:00", closesAt)] },
        };
        return new(id, definition, updatedAt, 1, updatedAt, [new CalendarVersionRecord(1, definition, updatedAt, updatedAt)]);
    }

    [Fact]
    public void A_version_is_compiled_once_and_shared_and_a_new_version_is_compiled_afresh()
    {
        using var calendars = new CompiledCalendars(Options.Create(new CalendarCacheOptions()));
        var v1 = Record("support", Monday);

        var first = calendars.Get(v1);
        var second = calendars.Get(v1 with { }); // another case reading the same stored version
        var changed = calendars.Get(Record("support", Monday + Duration.FromSeconds(1), closesAt: "10:00"));

        Assert.Same(first, second);
        Assert.NotSame(first, changed);
        Assert.Equal(Instant.FromUtc(2025, 3, 3, 10, 0), changed.NextTransition(Monday));
    }

    [Fact]
    public void The_cache_never_holds_more_versions_than_its_size()
    {
        using var calendars = new CompiledCalendars(Options.Create(new CalendarCacheOptions { CompiledCacheSize = 8 }));

        for (var i = 0; i < 100; i++)
        {
            var calendar = calendars.Get(Record($"c{i}", Monday));
            Assert.Equal(Instant.FromUtc(2025, 3, 3, 17, 0), calendar.NextTransition(Monday)); // compiled, cached or not
            Assert.InRange(calendars.Count, 1, 8);
        }
    }
}
