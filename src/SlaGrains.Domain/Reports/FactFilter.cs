using NodaTime;

namespace SlaGrains.Domain.Reports;

/// <summary>
/// Which facts a report reads: those whose target lies in [<see cref="From"/>, <see cref="To"/>) and whose value of
/// each filtered dimension is one of the values given for it.
/// </summary>
public sealed record FactFilter
{
    public required Instant From { get; init; }
    public required Instant To { get; init; }
    public IReadOnlyDictionary<ReportDimension, IReadOnlyList<string>> Values { get; init; } = new Dictionary<ReportDimension, IReadOnlyList<string>>();

    public bool Matches(MilestoneFact fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        if (fact.TargetAt is not { } target || target < From || target >= To)
        {
            return false;
        }
        foreach (var (dimension, values) in Values)
        {
            if (ReportDimensions.ValueOf(fact, dimension) is not { } value || !values.Contains(value, StringComparer.Ordinal))
            {
                return false;
            }
        }
        return true;
    }
}
