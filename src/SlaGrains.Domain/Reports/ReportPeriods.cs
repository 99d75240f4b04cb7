using NodaTime;

namespace SlaGrains.Domain.Reports;

/// <summary>
/// The periods of a report: the first starts at the boundary of its interval at or before <c>from</c>, in the report's
/// zone (midnight, Monday midnight, the first of the month), so rows line up with calendar periods; the last ends at
/// <c>to</c>. Days follow the zone's clock, so a day across a DST change lasts 23 or 25 hours.
/// </summary>
public static class ReportPeriods
{
    /// <summary>The start of each period, in order; null when there would be more than <paramref name="max"/>.</summary>
    public static IReadOnlyList<Instant>? Starts(Instant from, Instant to, ReportInterval interval, DateTimeZone zone, int max = ComplianceQuery.MaxPeriods)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var starts = new List<Instant>();
        var start = Align(from, interval, zone);
        while (start < to || starts.Count == 0)
        {
            if (starts.Count == max)
            {
                return null;
            }
            starts.Add(start);
            if (interval == ReportInterval.None)
            {
                break;
            }
            start = Next(start, interval, zone);
        }
        return starts;
    }

    private static Instant Align(Instant at, ReportInterval interval, DateTimeZone zone)
    {
        var local = at.InZone(zone).LocalDateTime;
        return interval switch
        {
            ReportInterval.None => at,
            // Hours follow the zone's offset too, for zones a fraction of an hour off UTC.
            ReportInterval.Hour => zone.AtLeniently(local.Date + new LocalTime(local.Hour, 0)).ToInstant() is var hour && hour <= at ? hour : at,
            ReportInterval.Day => zone.AtStartOfDay(local.Date).ToInstant(),
            ReportInterval.Week => zone.AtStartOfDay(local.Date.With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Monday))).ToInstant(),
            ReportInterval.Month => zone.AtStartOfDay(local.Date.With(DateAdjusters.StartOfMonth)).ToInstant(),
            _ => throw new ArgumentOutOfRangeException(nameof(interval), interval, null),
        };
    }

    private static Instant Next(Instant start, ReportInterval interval, DateTimeZone zone)
    {
        var date = start.InZone(zone).Date;
        return interval switch
        {
            ReportInterval.Hour => start + Duration.FromHours(1),
            ReportInterval.Day => zone.AtStartOfDay(date.PlusDays(1)).ToInstant(),
            ReportInterval.Week => zone.AtStartOfDay(date.PlusWeeks(1)).ToInstant(),
            ReportInterval.Month => zone.AtStartOfDay(date.PlusMonths(1)).ToInstant(),
            _ => throw new ArgumentOutOfRangeException(nameof(interval), interval, null),
        };
    }

    /// <summary>Which period holds <paramref name="at"/>: the last whose start is at or before it (-1 before the first).</summary>
    public static int IndexOf(IReadOnlyList<Instant> starts, Instant at)
    {
        ArgumentNullException.ThrowIfNull(starts);
        int low = 0, high = starts.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (starts[middle] <= at)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        return low - 1;
    }
}
