using SlaGrains.Domain.Cases;
using SlaGrains.Domain.Validation;
using static SlaGrains.Domain.Tests.Cases.Scenario;

namespace SlaGrains.Domain.Tests.Cases;

/// <summary>What a case answers an event before applying it (<see cref="CaseIntake"/>), in the order it checks.</summary>
public sealed class CaseIntakeTests
{
    private static readonly NodaTime.Instant Now = At("2025-03-03T12:00:00Z");

    private static CaseIntakeVerdict Check(Scenario s, CaseEvent e, CaseEvent? stored = null) =>
        CaseIntake.Check(e, s.Engine(), stored, new HashSet<string>(), Now, Limits.Default);

    private static CaseEvent Event(CaseEventType type, string at, string id = "x", CaseChanges? changes = null, string? milestone = null) =>
        new() { EventId = id, Type = type, OccurredAt = At(at), Changes = changes, Milestone = milestone };

    private static Scenario ClosedAt11() =>
        new Scenario(ProcessWith(FirstResponse(60))).Opened("2025-03-03T10:00:00Z").Add(CaseEventType.Closed, "2025-03-03T11:00:00Z");

    [Theory]
    [InlineData(CaseEventType.MilestoneCompleted, "type")]
    [InlineData(CaseEventType.Stopped, "type")]
    [InlineData(CaseEventType.Resumed, "type")]
    public void A_closed_case_refuses_what_moves_its_clocks_and_says_to_reopen_it(CaseEventType type, string field)
    {
        var verdict = Check(ClosedAt11(), Event(type, "2025-03-03T11:30:00Z", milestone: type == CaseEventType.MilestoneCompleted ? "First Response" : null));

        Assert.Equal(CaseIntakeOutcome.Conflict, verdict.Outcome);
        Assert.Contains("reopened", Assert.Single(verdict.Errors!.ToDictionary()[field]), StringComparison.Ordinal);
    }

    [Fact]
    public void A_closed_case_refuses_a_new_priority_status_or_entitlement_and_names_each()
    {
        var e = Event(CaseEventType.Updated, "2025-03-03T11:30:00Z", changes: new CaseChanges { Priority = "Low", Status = "Working", Queue = "Tier 2" });

        var verdict = Check(ClosedAt11(), e);

        Assert.Equal(CaseIntakeOutcome.Conflict, verdict.Outcome);
        Assert.Equal(["changes.priority", "changes.status"], verdict.Errors!.ToDictionary().Keys.Order());
    }

    [Fact]
    public void A_closed_case_takes_a_new_owner_queue_or_note_a_reply_and_a_reopen()
    {
        var s = ClosedAt11();

        Assert.Equal(CaseIntakeOutcome.Accept, Check(s, Event(CaseEventType.Updated, "2025-03-03T11:30:00Z", changes: new CaseChanges { Owner = "ana", Queue = "Tier 2" })).Outcome);
        Assert.Equal(CaseIntakeOutcome.Accept, Check(s, Event(CaseEventType.AgentReplied, "2025-03-03T11:30:00Z")).Outcome);
        Assert.Equal(CaseIntakeOutcome.Accept, Check(s, Event(CaseEventType.Reopened, "2025-03-03T11:30:00Z")).Outcome);
    }

    [Fact]
    public void A_late_event_from_before_the_close_is_applied_in_its_place_and_a_reopened_case_takes_anything()
    {
        var late = Event(CaseEventType.Updated, "2025-03-03T10:30:00Z", changes: new CaseChanges { Priority = "Low" });
        var reopened = ClosedAt11().Add(CaseEventType.Reopened, "2025-03-03T11:20:00Z");

        Assert.Equal(CaseIntakeOutcome.Accept, Check(ClosedAt11(), late).Outcome);
        Assert.Equal(CaseIntakeOutcome.Accept, Check(reopened, Event(CaseEventType.Stopped, "2025-03-03T11:30:00Z")).Outcome);
    }

    [Fact]
    public void A_resend_is_a_replay_even_on_a_closed_case_and_a_reused_id_is_a_conflict_naming_it()
    {
        var stopped = Event(CaseEventType.Stopped, "2025-03-03T10:30:00Z", id: "stop-1");

        Assert.Equal(CaseIntakeOutcome.Replay, Check(ClosedAt11(), stopped, stored: stopped).Outcome);
        var reused = Check(ClosedAt11(), stopped with { OccurredAt = At("2025-03-03T10:40:00Z") }, stored: stopped);
        Assert.Equal(CaseIntakeOutcome.Conflict, reused.Outcome);
        Assert.True(reused.Errors!.ToDictionary().ContainsKey("eventId"));
    }

    [Fact]
    public void A_case_never_opened_takes_only_its_opening()
    {
        var none = new Scenario(ProcessWith(FirstResponse(60)));

        Assert.Equal(CaseIntakeOutcome.NotFound, Check(none, Event(CaseEventType.AgentReplied, "2025-03-03T11:30:00Z")).Outcome);
        Assert.Equal(CaseIntakeOutcome.Invalid, Check(none, Event(CaseEventType.Updated, "2025-03-03T11:30:00Z")).Outcome); // no changes: malformed first
    }

    [Fact]
    public void An_unknown_milestone_is_refused_naming_it()
    {
        var open = new Scenario(ProcessWith(FirstResponse(60))).Opened("2025-03-03T10:00:00Z");

        var verdict = Check(open, Event(CaseEventType.MilestoneCompleted, "2025-03-03T11:30:00Z", milestone: "Resolution"));

        Assert.Equal(CaseIntakeOutcome.Invalid, verdict.Outcome);
        Assert.True(verdict.Errors!.ToDictionary().ContainsKey("milestone"));
    }
}
