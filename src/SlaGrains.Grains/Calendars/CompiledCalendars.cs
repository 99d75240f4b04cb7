using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using NodaTime;
using SlaGrains.Contracts.Calendars;
using SlaGrains.Domain.Calendars;

namespace SlaGrains.Grains.Calendars;

/// <summary>
/// One compiled <see cref="BusinessCalendar"/> per calendar version (id and <c>updatedAt</c>), shared by every case on
/// the silo and by the add/elapsed helpers, so the blocks a calendar builds are built once, not once per case or
/// request. Bounded by <see cref="CalendarCacheOptions"/>; a calendar holds a bounded number of blocks itself.
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

    /// <summary>The compiled calendar of <paramref name="record"/>'s version.</summary>
    public BusinessCalendar Get(CalendarRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return _cache.GetOrCreate(new Version(record.CalendarId, record.UpdatedAt), entry =>
        {
            entry.Size = 1;
            entry.SlidingExpiration = _idle;
            return BusinessCalendar.FromDefinition(record.Definition);
        })!;
    }

    /// <summary>Versions held now; never more than <see cref="CalendarCacheOptions.CompiledCacheSize"/>.</summary>
    public int Count => _cache.Count;

    public void Dispose() => _cache.Dispose();

    private readonly record struct Version(string CalendarId, Instant UpdatedAt);
}
