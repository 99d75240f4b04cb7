namespace SlaGrains.Domain.Reports;

/// <summary>
/// The running counts of one group and period (or of a whole report), from facts one by one or from what a store
/// aggregated; its figures follow ComplianceFigures' definitions, so every store computes percentiles the same way.
/// </summary>
public sealed class ComplianceTally
{
    private readonly List<long> _seconds = [];
    private long _met, _metLate, _violated, _open, _canceled, _overdue;

    public void Add(MilestoneFact fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        switch (fact.Status)
        {
            case MilestoneFactStatus.Met:
                _met++;
                break;
            case MilestoneFactStatus.MetLate:
                _metLate++;
                _overdue += fact.OverdueSeconds;
                break;
            case MilestoneFactStatus.Violated:
                _violated++;
                _overdue += fact.OverdueSeconds;
                break;
            case MilestoneFactStatus.Open:
                _open++;
                break;
            case MilestoneFactStatus.Canceled:
                _canceled++;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(fact), fact.Status, null);
        }
        if (fact.SecondsToComplete is { } seconds && fact.Status is MilestoneFactStatus.Met or MilestoneFactStatus.MetLate)
        {
            _seconds.Add(seconds);
        }
    }

    /// <summary>
    /// Adds counts a store aggregated: <paramref name="secondsToComplete"/> are the business seconds to complete of the
    /// met and met-late instances among them, <paramref name="overdue"/> the overdue seconds of the met-late and violated.
    /// </summary>
    public void Add(long met, long metLate, long violated, long open, long canceled, IEnumerable<long> secondsToComplete, long overdue)
    {
        ArgumentNullException.ThrowIfNull(secondsToComplete);
        _met += met;
        _metLate += metLate;
        _violated += violated;
        _open += open;
        _canceled += canceled;
        _seconds.AddRange(secondsToComplete);
        _overdue += overdue;
    }

    /// <summary>Adds everything another tally counted.</summary>
    public void Add(ComplianceTally other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Add(other._met, other._metLate, other._violated, other._open, other._canceled, other._seconds, other._overdue);
    }

    public ComplianceFigures Figures()
    {
        _seconds.Sort();
        return ComplianceFigures.From(_met, _metLate, _violated, _open, _canceled,
            ComplianceFigures.NearestRank(_seconds, 50), ComplianceFigures.NearestRank(_seconds, 90), _overdue);
    }
}
