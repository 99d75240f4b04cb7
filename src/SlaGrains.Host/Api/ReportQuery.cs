using NodaTime;
using SlaGrains.Domain.Reports;

namespace SlaGrains.Host.Api;

/// <summary>
/// A report's question from the API's parameters (query string or what-if body), with every error named after its
/// parameter: docs/api.md, "Reports".
/// </summary>
public static class ReportQuery
{
    public static FactFilter? Filter(string? from, string? to, IReadOnlyDictionary<string, string[]?> filters, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(filters);
        ArgumentNullException.ThrowIfNull(errors);
        var start = Query.Instant(from, "from", errors);
        var end = Query.Instant(to, "to", errors);
        if (start is { } s && end is { } e)
        {
            if (s >= e)
            {
                errors["from"] = ["from must be before to."];
            }
            else if (e - s > Duration.FromDays(ComplianceQuery.MaxRangeDays))
            {
                errors["to"] = [$"A report covers at most {ComplianceQuery.MaxRangeDays} days; narrow from and to."];
            }
        }
        var values = new Dictionary<ReportDimension, IReadOnlyList<string>>();
        foreach (var (name, given) in filters)
        {
            if (given is not { Length: > 0 })
            {
                continue;
            }
            if (given.Any(string.IsNullOrWhiteSpace))
            {
                errors[name] = [$"Each {name} filter names a value; leave the parameter out to take them all."];
                continue;
            }
            values[ReportDimensions.ByFilterName[name]] = given;
        }
        return errors.Count == 0 ? new FactFilter { From = start!.Value, To = end!.Value, Values = values } : null;
    }

    public static (ComplianceQuery? Query, IReadOnlyList<Instant>? Periods) Compliance(string? from, string? to, string? groupBy, string? interval,
        string? timeZone, IReadOnlyDictionary<string, string[]?> filters, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var filter = Filter(from, to, filters, errors);
        var groups = new List<ReportDimension>();
        foreach (var name in (groupBy ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!ReportDimensions.ByGroupName.TryGetValue(name, out var dimension))
            {
                errors["groupBy"] = [$"'{name}' is not a group; use one or two of {string.Join(", ", ReportDimensions.ByGroupName.Keys)}."];
            }
            else if (groups.Contains(dimension))
            {
                errors["groupBy"] = [$"'{name}' is named twice."];
            }
            else
            {
                groups.Add(dimension);
            }
        }
        if (groups.Count > 2)
        {
            errors["groupBy"] = ["Group by one or two dimensions."];
        }
        var parsedInterval = interval switch
        {
            null or "" or "none" => ReportInterval.None,
            "hour" => ReportInterval.Hour,
            "day" => ReportInterval.Day,
            "week" => ReportInterval.Week,
            "month" => ReportInterval.Month,
            _ => (ReportInterval?)null,
        };
        if (parsedInterval is null)
        {
            errors["interval"] = [$"'{interval}' is not an interval; use none, hour, day, week or month."];
        }
        var zone = string.IsNullOrEmpty(timeZone) ? DateTimeZone.Utc : DateTimeZoneProviders.Tzdb.GetZoneOrNull(timeZone);
        if (zone is null)
        {
            errors["timeZone"] = [$"'{timeZone}' is not an IANA time zone, like Europe/London."];
        }
        if (errors.Count > 0)
        {
            return (null, null);
        }
        var periods = ReportPeriods.Starts(filter!.From, filter.To, parsedInterval!.Value, zone!);
        if (periods is null)
        {
            errors["interval"] = [$"A report has at most {ComplianceQuery.MaxPeriods} periods; choose a longer interval or a shorter range."];
            return (null, null);
        }
        return (new ComplianceQuery { Filter = filter, GroupBy = groups, Interval = parsedInterval.Value, TimeZone = zone! }, periods);
    }
}
