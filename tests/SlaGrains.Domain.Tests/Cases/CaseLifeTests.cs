using SlaGrains.Domain.Cases;
using static SlaGrains.Domain.Tests.Cases.Scenario;

namespace SlaGrains.Domain.Tests.Cases;

public sealed class CaseLifeTests
{
    private static CaseEvent E(string id, CaseEventType type, string at) => new() { EventId = id, Type = type, OccurredAt = At(at) };

    [Fact]
    public void A_case_is_open_from_its_opening_until_it_closes_and_again_once_reopened_whatever_order_events_arrived_in()
    {
        CaseEvent[] events =
        [
            E("reopen", CaseEventType.Reopened, "2025-03-07T09:00:00Z"),
            E("open", CaseEventType.Opened, "2025-03-03T09:00:00Z"),
            E("close", CaseEventType.Closed, "2025-03-05T09:00:00Z"),
        ];

        Assert.False(CaseLife.OpenAt(events, At("2025-03-03T08:59:59Z")));
        Assert.True(CaseLife.OpenAt(events, At("2025-03-03T09:00:00Z")));
        Assert.False(CaseLife.OpenAt(events, At("2025-03-06T00:00:00Z")));
        Assert.True(CaseLife.OpenAt(events, At("2025-03-08T00:00:00Z")));
    }
}
