using NodaTime;
using NodaTime.Text;
using SlaGrains.Domain.Validation;

namespace SlaGrains.Domain.Calendars;

/// <summary>Checks a <see cref="CalendarDefinition"/> and reports every problem against the JSON field that has it.</summary>
public static class CalendarValidator
{
    public static ValidationErrors Validate(CalendarDefinition definition, Limits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var errors = new ValidationErrors();
        CheckSizes(definition, limits ?? Limits.Default, errors);
        if (errors.IsValid)
        {
            TryCompile(definition, errors);
        }
        return errors;
    }

    /// <summary>Counts and text sizes, checked before anything is parsed, so an oversized calendar costs no compiling.</summary>
    private static void CheckSizes(CalendarDefinition definition, Limits limits, ValidationErrors errors)
    {
        errors.Text("name", definition.Name, limits.MaxTextLength);
        errors.Text("timeZone", definition.TimeZone, limits.MaxTextLength);
        foreach (var (_, field, ranges) in definition.Weekly?.Days() ?? [])
        {
            errors.Count($"weekly.{field}", ranges.Count, limits.MaxIntervalsPerDay, "intervals per day");
        }
        var holidays = definition.Holidays ?? [];
        if (!errors.Count("holidays", holidays.Count, limits.MaxHolidaysPerCalendar, "holidays per calendar"))
        {
            return;
        }
        for (var i = 0; i < holidays.Count; i++)
        {
            if (holidays[i] is { } holiday)
            {
                errors.Text($"holidays[{i}].name", holiday.Name, limits.MaxTextLength);
                errors.Text($"holidays[{i}].date", holiday.Date, limits.MaxTextLength);
                errors.Count($"holidays[{i}].closed", holiday.Closed?.Count ?? 0, limits.MaxIntervalsPerDay, "closed intervals per day");
            }
        }
    }

    internal static CalendarRules? TryCompile(CalendarDefinition definition, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(definition);
        DateTimeZone? zone = null;
        if (string.IsNullOrWhiteSpace(definition.TimeZone))
        {
            errors.Add("timeZone", "The time zone is required: an IANA name such as 'America/New_York'.");
        }
        else
        {
            zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(definition.TimeZone);
            if (zone is null)
            {
                errors.Add("timeZone", $"'{definition.TimeZone}' is not an IANA time zone; use a name such as 'America/New_York' or 'Etc/UTC'.");
            }
        }

        var weekly = new int[8][];
        for (var i = 1; i <= 7; i++)
        {
            weekly[i] = definition.AlwaysOpen ? CalendarRules.WholeDay : [];
        }

        if (definition.AlwaysOpen)
        {
            if (definition.Weekly is not null && definition.Weekly.Days().Any(d => d.Ranges.Count > 0))
            {
                errors.Add("weekly", "Omit 'weekly' when 'alwaysOpen' is true: a 24x7 calendar has no weekly hours.");
            }
        }
        else if (definition.Weekly is null)
        {
            errors.Add("weekly", "Give the weekly open hours, or set 'alwaysOpen': true for a 24x7 calendar.");
        }
        else
        {
            foreach (var (day, field, ranges) in definition.Weekly.Days())
            {
                weekly[(int)day] = ParseRanges(ranges, $"weekly.{field}", errors);
            }
            if (errors.IsValid && weekly.Skip(1).All(d => d.Length == 0))
            {
                errors.Add("weekly", "The calendar is never open: give at least one weekday an interval.");
            }
        }

        var dated = new Dictionary<LocalDate, int[]>();
        var recurring = new Dictionary<int, int[]>();
        var holidays = definition.Holidays ?? [];
        for (var i = 0; i < holidays.Count; i++)
        {
            var holiday = holidays[i];
            var field = $"holidays[{i}]";
            if (holiday is null)
            {
                errors.Add(field, "A holiday must be an object with a 'date'.");
                continue;
            }
            var parsed = LocalDatePattern.Iso.Parse(holiday.Date ?? "");
            if (!parsed.Success)
            {
                errors.Add($"{field}.date", $"'{holiday.Date}' is not a date; write it as YYYY-MM-DD.");
                continue;
            }
            var closed = holiday.Closed is null ? CalendarRules.WholeDay : ParseRanges(holiday.Closed, $"{field}.closed", errors);
            if (holiday.Closed is not null && holiday.Closed.Count == 0)
            {
                errors.Add($"{field}.closed", "List at least one closed interval, or omit 'closed' to close the whole day.");
            }
            var date = parsed.Value;
            if (holiday.Recurring)
            {
                var key = (date.Month * 100) + date.Day;
                recurring[key] = Union(recurring.GetValueOrDefault(key), closed);
            }
            else
            {
                dated[date] = Union(dated.GetValueOrDefault(date), closed);
            }
        }

        if (!errors.IsValid || zone is null)
        {
            return null;
        }
        return new CalendarRules { Zone = zone, Weekly = weekly, DatedClosures = dated, RecurringClosures = recurring };
    }

    private static int[] Union(int[]? existing, int[] added) =>
        existing is null ? added : CalendarRules.Merge(Pairs(existing).Concat(Pairs(added)));

    private static IEnumerable<(int, int)> Pairs(int[] flat)
    {
        for (var i = 0; i < flat.Length; i += 2)
        {
            yield return (flat[i], flat[i + 1]);
        }
    }

    private static int[] ParseRanges(IReadOnlyList<LocalTimeRange> ranges, string field, ValidationErrors errors)
    {
        var parsed = new List<(int Start, int End, int Index)>();
        for (var i = 0; i < ranges.Count; i++)
        {
            var range = ranges[i];
            var at = $"{field}[{i}]";
            if (range is null)
            {
                errors.Add(at, "An interval must be an object with 'start' and 'end'.");
                continue;
            }
            var startOk = LocalTimeOfDay.TryParse(range.Start, allowEndOfDay: false, out var start);
            var endOk = LocalTimeOfDay.TryParse(range.End, allowEndOfDay: true, out var end);
            if (!startOk)
            {
                errors.Add($"{at}.start", $"'{range.Start}' is not a time of day; write HH:mm from 00:00 to 23:59.");
            }
            if (!endOk)
            {
                errors.Add($"{at}.end", $"'{range.End}' is not a time of day; write HH:mm from 00:01 to 24:00.");
            }
            if (!startOk || !endOk)
            {
                continue;
            }
            if (end <= start)
            {
                errors.Add(at, $"The interval {range.Start}–{range.End} is empty: 'end' must be after 'start' (use 24:00 for midnight at the end of the day).");
                continue;
            }
            parsed.Add((start, end, i));
        }

        parsed.Sort((a, b) => a.Start.CompareTo(b.Start));
        for (var i = 1; i < parsed.Count; i++)
        {
            if (parsed[i].Start < parsed[i - 1].End)
            {
                var earlier = ranges[parsed[i - 1].Index];
                errors.Add($"{field}[{parsed[i].Index}]",
                    $"The interval {ranges[parsed[i].Index].Start}–{ranges[parsed[i].Index].End} overlaps {earlier.Start}–{earlier.End}.");
            }
        }
        return CalendarRules.Merge(parsed.Select(p => (p.Start, p.End)));
    }
}
