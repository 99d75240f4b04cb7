using SlaGrains.Domain.Cases;
using SlaGrains.Domain.Processes;
using static SlaGrains.Domain.Tests.Cases.Scenario;

namespace SlaGrains.Domain.Tests.Cases;

public sealed class CaseCalendarIdsTests
{
    [Fact]
    public void Every_versions_milestone_and_own_calendar_and_the_entitlements_count_once_each()
    {
        var v1 = new ProcessVersion("platinum", 1, At("2025-01-01T00:00:00Z"),
            ProcessWith(FirstResponse() with { CalendarId = "berlin" }, FirstResponse() with { Name = "Resolution" }) with { CalendarId = "london" });
        var v2 = new ProcessVersion("platinum", 2, At("2025-02-01T00:00:00Z"), ProcessWith(FirstResponse() with { CalendarId = "tokyo" }));

        Assert.Equal(["berlin", "london", "tokyo", "support"], CaseCalendarIds.Of([v1, v2], "support"));
        Assert.Equal(["berlin", "london"], CaseCalendarIds.Of([v1], "london"));
        Assert.Equal(["tokyo"], CaseCalendarIds.Of([v2], null));
    }
}
