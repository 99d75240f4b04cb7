using NodaTime;

namespace SlaGrains.Domain.Calendars;

/// <summary>
/// A validated calendar in local terms: per weekday and per holiday, sorted, merged <c>[start, end)</c> pairs of seconds
/// since local midnight. <see cref="BusinessCalendar"/> turns these into instants.
/// </summary>
internal sealed class CalendarRules
{
    private static readonly int[] AllDay = [0, LocalTimeOfDay.SecondsPerDay];

    public required DateTimeZone Zone { get; init; }

    /// <summary>Index 1..7 by <see cref="IsoDayOfWeek"/>; flattened start/end pairs.</summary>
    public required int[][] Weekly { get; init; }

    /// <summary>Closed intervals of dated holidays (flattened pairs; whole day = 0..86400).</summary>
    public required Dictionary<LocalDate, int[]> DatedClosures { get; init; }

    /// <summary>Closed intervals of recurring holidays, keyed by month * 100 + day.</summary>
    public required Dictionary<int, int[]> RecurringClosures { get; init; }

    public bool IsContinuous => DatedClosures.Count == 0 && RecurringClosures.Count == 0 &&
        Weekly.Skip(1).All(day => day.Length == 2 && day[0] == 0 && day[1] == LocalTimeOfDay.SecondsPerDay);

    public static int[] WholeDay => AllDay;

    /// <summary>The open local intervals of one date: its weekday's hours minus that date's closures.</summary>
    public int[] OpenIntervals(LocalDate date)
    {
        var open = Weekly[(int)date.DayOfWeek];
        if (DatedClosures.TryGetValue(date, out var closed))
        {
            open = Subtract(open, closed);
        }
        if (RecurringClosures.TryGetValue((date.Month * 100) + date.Day, out var recurring))
        {
            open = Subtract(open, recurring);
        }
        return open;
    }

    /// <summary>Sorts and joins overlapping or touching pairs.</summary>
    public static int[] Merge(IEnumerable<(int Start, int End)> ranges)
    {
        var result = new List<int>();
        foreach (var (start, end) in ranges.Where(r => r.End > r.Start).OrderBy(r => r.Start))
        {
            if (result.Count > 0 && start <= result[^1])
            {
                result[^1] = Math.Max(result[^1], end);
            }
            else
            {
                result.Add(start);
                result.Add(end);
            }
        }
        return [.. result];
    }

    private static int[] Subtract(int[] open, int[] closed)
    {
        var result = new List<(int, int)>();
        for (var i = 0; i < open.Length; i += 2)
        {
            var start = open[i];
            var end = open[i + 1];
            for (var j = 0; j < closed.Length && start < end; j += 2)
            {
                if (closed[j + 1] <= start || closed[j] >= end)
                {
                    continue;
                }
                if (closed[j] > start)
                {
                    result.Add((start, closed[j]));
                }
                start = Math.Max(start, closed[j + 1]);
            }
            if (start < end)
            {
                result.Add((start, end));
            }
        }
        return Merge(result);
    }
}
