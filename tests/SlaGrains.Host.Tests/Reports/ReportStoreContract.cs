using NodaTime;
using NodaTime.Text;
using SlaGrains.Contracts.Reports;
using SlaGrains.Domain.Reports;

namespace SlaGrains.Host.Tests.Reports;

/// <summary>
/// What every report store answers, exactly: the same suite runs on the in-process store and on PostgreSQL. Weeks in
/// London from Monday 17 March 2025; the clocks go forward on Sunday 30 March, so the third week starts at 23:00 UTC.
/// </summary>
public abstract class ReportStoreContract
{
    protected abstract IReportStore Store { get; }

    protected static Instant At(string iso) => OffsetDateTimePattern.ExtendedIso.Parse(iso).GetValueOrThrow().ToInstant();

    private static MilestoneFact Fact(string caseId, MilestoneFactStatus status, string target, long? seconds = null, long overdue = 0,
        string queue = "Tier 1", string milestone = "First Response", string? owner = null, long version = 1) => new()
    {
        CaseId = caseId, MilestoneId = $"{milestone.ToLowerInvariant().Replace(' ', '-')}#1", Milestone = milestone, Instance = 1,
        ProcessId = "platinum", ProcessVersion = 2, EntitlementId = "gold", AccountId = "acme", Queue = queue, Priority = "High",
        Owner = owner, CalendarId = "us-east", Status = status, StartedAt = At(target) - Duration.FromHours(2), TargetAt = At(target),
        CompletedAt = status is MilestoneFactStatus.Met or MilestoneFactStatus.MetLate ? At(target) : null,
        ViolatedAt = status is MilestoneFactStatus.MetLate or MilestoneFactStatus.Violated ? At(target) : null,
        SecondsToComplete = seconds, PausedSeconds = 60, OverdueSeconds = overdue, CaseVersion = version,
    };

    private static CaseFacts Case(string caseId, long version, params MilestoneFact[] milestones) =>
        new(new CaseFact { CaseId = caseId, ProcessId = "platinum", ProcessVersion = 2, ReopenedCount = 0, CaseVersion = version },
            [.. milestones.Select(m => m with { CaseVersion = version })]);

    /// <summary>Nine cases; docs/semantics.md's worked example of the figures.</summary>
    private async Task WriteExample()
    {
        await Task.WhenAll(
            Store.Write(Case("a", 1, Fact("a", MilestoneFactStatus.Met, "2025-03-18T10:00:00Z", seconds: 600))),
            Store.Write(Case("b", 1, Fact("b", MilestoneFactStatus.MetLate, "2025-03-19T10:00:00Z", seconds: 4200, overdue: 600))),
            Store.Write(Case("c", 1, Fact("c", MilestoneFactStatus.Violated, "2025-03-20T10:00:00Z", overdue: 1800))),
            Store.Write(Case("d", 1, Fact("d", MilestoneFactStatus.Open, "2025-03-21T10:00:00Z"))),
            Store.Write(Case("e", 1, Fact("e", MilestoneFactStatus.Canceled, "2025-03-21T11:00:00Z"))),
            Store.Write(Case("f", 1, Fact("f", MilestoneFactStatus.Met, "2025-03-30T23:30:00Z", seconds: 1200))),
            Store.Write(Case("g", 1, Fact("g", MilestoneFactStatus.Met, "2025-03-24T09:00:00Z", seconds: 300, queue: "Tier 2"),
                Fact("g", MilestoneFactStatus.Met, "2025-03-25T10:00:00Z", seconds: 3000, queue: "Tier 2", milestone: "Resolution"))),
            Store.Write(Case("h", 1, Fact("h", MilestoneFactStatus.Met, "2025-04-10T00:00:00Z", seconds: 10))),
            Store.Write(Case("i", 1, Fact("i", MilestoneFactStatus.Met, "2025-03-18T12:00:00Z", seconds: 900, owner: "ana"))));
    }

    private static (ComplianceQuery, IReadOnlyList<Instant>) Weekly(Dictionary<ReportDimension, IReadOnlyList<string>>? filters = null, params ReportDimension[] groupBy)
    {
        var zone = DateTimeZoneProviders.Tzdb["Europe/London"];
        var query = new ComplianceQuery
        {
            Filter = new FactFilter { From = At("2025-03-17T00:00:00Z"), To = At("2025-04-07T00:00:00+01:00"), Values = filters ?? [] },
            GroupBy = groupBy,
            Interval = ReportInterval.Week,
            TimeZone = zone,
        };
        return (query, ReportPeriods.Starts(query.Filter.From, query.Filter.To, query.Interval, zone)!);
    }

    [Fact]
    public async Task Compliance_by_queue_and_milestone_per_week_gives_every_figure_exactly()
    {
        await WriteExample();
        var (query, periods) = Weekly(null, ReportDimension.Queue, ReportDimension.Milestone);

        var report = await Store.Compliance(query, periods);

        Assert.Equal(["queue", "milestone"], report.GroupBy);
        Assert.Equal("Europe/London", report.TimeZone);
        Assert.Equal(4, report.Rows.Count);
        var tier1 = report.Rows[0];
        Assert.Equal((At("2025-03-17T00:00:00Z"), "Tier 1", "First Response"), (tier1.PeriodStart, tier1.Group["queue"], tier1.Group["milestone"]));
        Assert.Equal((2L, 1L, 1L, 1L, 1L), (tier1.Met, tier1.MetLate, tier1.Violated, tier1.Open, tier1.Canceled));
        Assert.Equal(50.0, tier1.AttainmentPercent);
        Assert.Equal((900L, 4200L), (tier1.MedianSecondsToComplete, tier1.P90SecondsToComplete));
        Assert.Equal((2400L, 1200.0), (tier1.OverdueSecondsTotal, tier1.OverdueSecondsMean));

        var (firstResponse, resolution) = (report.Rows[1], report.Rows[2]);
        Assert.Equal((At("2025-03-24T00:00:00Z"), "Tier 2", "First Response", 1L, 100.0, 300L, 300L, 0L),
            (firstResponse.PeriodStart, firstResponse.Group["queue"], firstResponse.Group["milestone"], firstResponse.Met, firstResponse.AttainmentPercent,
             firstResponse.MedianSecondsToComplete, firstResponse.P90SecondsToComplete, firstResponse.OverdueSecondsTotal));
        Assert.Null(firstResponse.OverdueSecondsMean);
        Assert.Equal(("Resolution", 3000L), (resolution.Group["milestone"], resolution.MedianSecondsToComplete));

        var afterDst = report.Rows[3]; // 00:30 BST on Monday 31 March is in the third week, not the second
        Assert.Equal((At("2025-03-30T23:00:00Z"), "Tier 1", 1L, 1200L), (afterDst.PeriodStart, afterDst.Group["queue"], afterDst.Met, afterDst.MedianSecondsToComplete));

        var t = report.Totals;
        Assert.Equal((5L, 1L, 1L, 1L, 1L), (t.Met, t.MetLate, t.Violated, t.Open, t.Canceled));
        Assert.Equal(71.43, t.AttainmentPercent);
        Assert.Equal((900L, 4200L, 2400L, 1200.0), (t.MedianSecondsToComplete, t.P90SecondsToComplete, t.OverdueSecondsTotal, t.OverdueSecondsMean));
    }

    [Fact]
    public async Task Filters_select_facts_and_an_empty_selection_has_no_rows_and_null_figures()
    {
        await WriteExample();

        var (tier2, p1) = Weekly(new() { [ReportDimension.Queue] = ["Tier 2"] });
        var byOwner = Weekly(new() { [ReportDimension.Owner] = ["ana"], [ReportDimension.Milestone] = ["First Response"] });
        var (nobody, p3) = Weekly(new() { [ReportDimension.Queue] = ["Tier 9"] });

        var report = await Store.Compliance(tier2, p1);
        Assert.Equal((2L, 100.0), (report.Totals.Met, report.Totals.AttainmentPercent));
        Assert.Equal([(string?)null], report.Rows.Select(r => r.Group.GetValueOrDefault("queue")).Distinct());
        Assert.Equal(1, (await Store.Compliance(byOwner.Item1, byOwner.Item2)).Totals.Met);
        var empty = await Store.Compliance(nobody, p3);
        Assert.Empty(empty.Rows);
        Assert.Equal((0L, null, null), (empty.Totals.Met, empty.Totals.AttainmentPercent, empty.Totals.MedianSecondsToComplete));
    }

    [Fact]
    public async Task A_stale_version_never_overwrites_a_newer_one_and_instances_a_newer_version_lacks_are_gone()
    {
        var caseId = $"v-{Guid.NewGuid():N}";
        var target = "2025-03-18T10:00:00Z";
        await Store.Write(Case(caseId, 5, Fact(caseId, MilestoneFactStatus.Open, target), Fact(caseId, MilestoneFactStatus.Open, target, milestone: "Resolution")));
        await Store.Write(Case(caseId, 4, Fact(caseId, MilestoneFactStatus.Met, target, seconds: 1)));
        Assert.Equal([(MilestoneFactStatus.Open, 5L), (MilestoneFactStatus.Open, 5L)], (await Facts(caseId)).Select(f => (f.Status, f.CaseVersion)));

        await Store.Write(Case(caseId, 6, Fact(caseId, MilestoneFactStatus.Met, target, seconds: 7)));
        await Store.Write(Case(caseId, 6, Fact(caseId, MilestoneFactStatus.Met, target, seconds: 7))); // a resend changes nothing

        var fact = Assert.Single(await Facts(caseId));
        Assert.Equal((MilestoneFactStatus.Met, 7L, 6L, "first-response#1"), (fact.Status, fact.SecondsToComplete, fact.CaseVersion, fact.MilestoneId));
    }

    [Fact]
    public async Task Facts_page_by_target_then_case_with_every_field_kept()
    {
        await WriteExample();
        var filter = new FactFilter { From = At("2025-03-17T00:00:00Z"), To = At("2025-04-07T00:00:00Z") };

        var pages = new List<List<MilestoneFact>>();
        FactCursor? after = null;
        do
        {
            var page = new List<MilestoneFact>();
            await foreach (var f in Store.Milestones(filter, after, 3))
            {
                page.Add(f);
            }
            pages.Add(page);
            after = page.Count == 3 ? FactCursor.Of(page[^1]) : null;
        }
        while (after is not null);

        Assert.Equal(["a", "i", "b", "c", "d", "e", "g", "g", "f"], pages.SelectMany(p => p).Select(f => f.CaseId));
        Assert.Equal([3, 3, 3, 0], pages.Select(p => p.Count));
        var b = pages[0][2];
        Assert.Equal(Fact("b", MilestoneFactStatus.MetLate, "2025-03-19T10:00:00Z", seconds: 4200, overdue: 600), b);
        Assert.Equal(["a", "b", "c", "d", "e", "f", "g", "i"], await Store.CaseIds(filter, 100));
        Assert.Equal(["a", "b"], await Store.CaseIds(filter, 2));
    }

    [Fact]
    public async Task The_stamp_grows_when_facts_change()
    {
        var before = await Store.Stamp();
        await Store.Write(Case($"s-{Guid.NewGuid():N}", 1, Fact("s", MilestoneFactStatus.Open, "2025-03-18T10:00:00Z")));
        Assert.True(await Store.Stamp() > before);
    }

    private async Task<List<MilestoneFact>> Facts(string caseId)
    {
        var all = new List<MilestoneFact>();
        await foreach (var f in Store.Milestones(new FactFilter { From = At("2000-01-01T00:00:00Z"), To = At("2100-01-01T00:00:00Z") }, null, null))
        {
            if (f.CaseId == caseId)
            {
                all.Add(f);
            }
        }
        return all;
    }
}
