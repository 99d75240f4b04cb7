using NodaTime;
using SlaGrains.Domain.Reports;
using static SlaGrains.Domain.Tests.Cases.Scenario;

namespace SlaGrains.Domain.Tests.Reports;

public sealed class ComplianceCalculatorTests
{
    private static MilestoneFact Fact(string caseId, MilestoneFactStatus status, string target, long? seconds = null, long overdue = 0, string queue = "Tier 1") => new()
    {
        CaseId = caseId, MilestoneId = "first-response#1", Milestone = "First Response", Instance = 1, ProcessId = "p", ProcessVersion = 1,
        Queue = queue, Status = status, StartedAt = At(target) - Duration.FromHours(1), TargetAt = At(target),
        SecondsToComplete = seconds, PausedSeconds = 0, OverdueSeconds = overdue, CaseVersion = 1,
    };

    [Theory]
    [InlineData(40, 3, 2, 88.89)]
    [InlineData(1, 0, 2, 33.33)]
    [InlineData(2, 1, 0, 66.67)]
    [InlineData(0, 0, 1, 0.0)]
    public void Attainment_is_met_over_met_late_and_violated_to_two_places(long met, long late, long violated, double expected) =>
        Assert.Equal(expected, ComplianceFigures.Attainment(met, late, violated));

    [Fact]
    public void Attainment_is_null_when_nothing_has_come_out() => Assert.Null(ComplianceFigures.Attainment(0, 0, 0));

    [Fact]
    public void Percentiles_are_nearest_rank()
    {
        long[] ten = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
        Assert.Equal(50, ComplianceFigures.NearestRank(ten, 50));
        Assert.Equal(90, ComplianceFigures.NearestRank(ten, 90));
        Assert.Equal(7, ComplianceFigures.NearestRank([7], 90));
        Assert.Equal(20, ComplianceFigures.NearestRank([10, 20, 30], 50));
        Assert.Null(ComplianceFigures.NearestRank([], 50));
    }

    [Fact]
    public void Weeks_start_on_Monday_midnight_in_the_zone_and_days_follow_DST()
    {
        var london = DateTimeZoneProviders.Tzdb["Europe/London"];
        var weeks = ReportPeriods.Starts(At("2025-03-01T00:00:00Z"), At("2025-04-01T00:00:00Z"), ReportInterval.Week, london)!;
        Assert.Equal([At("2025-02-24T00:00:00Z"), At("2025-03-03T00:00:00Z"), At("2025-03-10T00:00:00Z"), At("2025-03-17T00:00:00Z"),
            At("2025-03-24T00:00:00Z"), At("2025-03-31T00:00:00+01:00")], weeks);

        var days = ReportPeriods.Starts(At("2025-03-30T00:00:00Z"), At("2025-04-01T00:00:00+01:00"), ReportInterval.Day, london)!;
        Assert.Equal([At("2025-03-30T00:00:00Z"), At("2025-03-31T00:00:00+01:00")], days);
        Assert.Null(ReportPeriods.Starts(At("2025-01-01T00:00:00Z"), At("2025-03-01T00:00:00Z"), ReportInterval.Hour, london));
    }

    [Fact]
    public void Facts_count_in_the_period_holding_their_target_with_every_figure()
    {
        MilestoneFact[] facts =
        [
            Fact("a", MilestoneFactStatus.Met, "2025-03-03T10:00:00Z", seconds: 600),
            Fact("b", MilestoneFactStatus.Met, "2025-03-04T10:00:00Z", seconds: 1200),
            Fact("c", MilestoneFactStatus.MetLate, "2025-03-05T10:00:00Z", seconds: 4000, overdue: 400),
            Fact("d", MilestoneFactStatus.Violated, "2025-03-06T10:00:00Z", overdue: 800),
            Fact("e", MilestoneFactStatus.Open, "2025-03-06T10:00:00Z"),
            Fact("f", MilestoneFactStatus.Canceled, "2025-03-06T10:00:00Z"),
            Fact("g", MilestoneFactStatus.Met, "2025-03-10T10:00:00Z", seconds: 100, queue: "Tier 2"),
            Fact("h", MilestoneFactStatus.Met, "2025-04-01T00:00:00Z", seconds: 100), // at "to": outside
            Fact("i", MilestoneFactStatus.Met, "2025-03-10T10:00:00Z", seconds: 100, queue: "Tier 3"), // filtered out
        ];
        var query = new ComplianceQuery
        {
            Filter = new FactFilter
            {
                From = At("2025-03-01T00:00:00Z"), To = At("2025-04-01T00:00:00Z"),
                Values = new Dictionary<ReportDimension, IReadOnlyList<string>> { [ReportDimension.Queue] = ["Tier 1", "Tier 2"] },
            },
            GroupBy = [ReportDimension.Queue],
            Interval = ReportInterval.Week,
        };
        var periods = ReportPeriods.Starts(query.Filter.From, query.Filter.To, query.Interval, query.TimeZone)!;

        var report = ComplianceCalculator.Aggregate(facts, query, periods);

        Assert.Equal(2, report.Rows.Count);
        var first = report.Rows[0];
        Assert.Equal(At("2025-03-03T00:00:00Z"), first.PeriodStart);
        Assert.Equal("Tier 1", first.Group["queue"]);
        Assert.Equal((2, 1, 1, 1, 1), (first.Met, first.MetLate, first.Violated, first.Open, first.Canceled));
        Assert.Equal(50.0, first.AttainmentPercent);
        Assert.Equal((1200L, 4000L), (first.MedianSecondsToComplete!.Value, first.P90SecondsToComplete!.Value));
        Assert.Equal(1200, first.OverdueSecondsTotal);
        Assert.Equal(600.0, first.OverdueSecondsMean);
        var second = report.Rows[1];
        Assert.Equal((At("2025-03-10T00:00:00Z"), "Tier 2", 1L), (second.PeriodStart, second.Group["queue"], second.Met));
        Assert.Null(second.OverdueSecondsMean);
        Assert.Equal((3, 1, 1, 1, 1), (report.Totals.Met, report.Totals.MetLate, report.Totals.Violated, report.Totals.Open, report.Totals.Canceled));
        Assert.Equal(60.0, report.Totals.AttainmentPercent);
        Assert.Equal(["queue"], report.GroupBy);
    }
}
