using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using NodaTime;
using SlaGrains.Contracts.Calendars;
using SlaGrains.Domain.Calendars;

namespace SlaGrains.Grains.Calendars;

/// <summary>
/// One compiled <see cref="BusinessCalendar"/> per calendar version (id, number and when it was recorded), shared by
/// every case on the silo and by the add/elapsed helpers, so the blocks a calendar builds are built once, not once per
/// case or request. Bounded by <see cref="CalendarCacheOptions"/>; a calendar holds a bounded number of blocks itself.
/// </summary>
public sealed class CompiledCalendars : IDisposable
{
    private readonly MemoryCache _cache;
    private readonly TimeSpan _idle;

    public CompiledCalendars(IOptions<CalendarCacheOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = Math.Max(1, settings.CompiledCacheSize) });
        _idle = settings.CompiledCacheIdle;
    }

    /// <summary>
    /// The calendar as its versions schedule it, each from its effective instant: what the add/elapsed helpers and
    /// what-if reports count by. A case composes its own (<see cref="CalendarVersions.Compose"/>).
    /// </summary>
    public BusinessCalendar Get(CalendarRecord record) => CalendarVersions.Compose(Versions(record), null, _ => true);

    /// <summary>Every version of <paramref name="record"/>, compiled.</summary>
    public IReadOnlyList<CalendarVersion> Versions(CalendarRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return [.. record.Versions.Select(v => new CalendarVersion(v.Version, v.EffectiveFrom, v.RecordedAt, Compile(record.CalendarId, v)))];
    }

    /// <summary>Versions held now; never more than <see cref="CalendarCacheOptions.CompiledCacheSize"/>.</summary>
    public int Count => _cache.Count;

    public void Dispose() => _cache.Dispose();

    private BusinessCalendar Compile(string calendarId, CalendarVersionRecord version) =>
        _cache.GetOrCreate(new Key(calendarId, version.Version, version.RecordedAt), entry =>
        {
            entry.Size = 1;
            entry.SlidingExpiration = _idle;
            return BusinessCalendar.FromDefinition(version.Definition);
        })!;

    private readonly record struct Key(string CalendarId, int Version, Instant RecordedAt);
}
