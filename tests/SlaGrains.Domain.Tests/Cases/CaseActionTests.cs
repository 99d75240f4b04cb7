using System.Collections.Immutable;
using SlaGrains.Domain.Cases;
using SlaGrains.Domain.Processes;
using static SlaGrains.Domain.Tests.Cases.Scenario;

namespace SlaGrains.Domain.Tests.Cases;

/// <summary>The actions beyond webhooks and escalations (docs/semantics.md, "Actions"): field updates, tasks, emails, and warning actions that name their warning.</summary>
public sealed class CaseActionTests
{
    private const string Success = "case-1/first-response#1/success/0m";
    private const string Violation = "case-1/first-response#1/violation/0m";
    private static readonly HashSet<string> NoneFired = new(StringComparer.Ordinal);

    private static Scenario AlwaysOpen(params MilestoneDefinition[] milestones) => new(ProcessWith(milestones));

    private static HashSet<string> Ids(CaseSettlement settled) => settled.Fired.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void A_success_action_sets_the_status_through_a_fieldUpdated_event_with_a_stable_id_and_fires_once()
    {
        var first = FirstResponse(60) with
        {
            Actions =
            [
                new ActionDefinition
                {
                    When = ActionTrigger.Success, Type = ActionType.FieldUpdate,
                    Set = new Dictionary<string, string?> { ["status"] = "Responded", ["origin"] = "Web", ["type"] = "Question", ["customFields.tier"] = "gold" },
                },
            ],
        };
        var s = AlwaysOpen(first).Opened("2025-03-03T10:00:00Z").AgentReplied("2025-03-03T10:20:00Z");
        var engine = s.Engine();

        var settled = engine.Settle(At("2025-03-03T10:21:00Z"), NoneFired);
        var again = engine.Settle(At("2025-03-03T10:22:00Z"), Ids(settled));

        var update = Assert.Single(settled.Events);
        Assert.Equal($"{Success}/fieldUpdate/0", update.EventId);
        Assert.Equal(CaseEventType.FieldUpdated, update.Type);
        Assert.Equal(At("2025-03-03T10:20:00Z"), update.OccurredAt);
        Assert.Equal(Success, update.NotificationId);
        Assert.Equal(("Responded", "Web", "Question", null), (update.Changes!.Status, update.Changes.Origin, update.Changes.Type, update.Changes.Priority));
        Assert.Equal("gold", update.Changes.CustomFields!["tier"]);
        Assert.Equal("Responded", settled.Evaluation.Snapshot.Status);
        // A field update is no escalation: no case.escalated notice, only the milestone's own.
        Assert.Equal([SlaNotice.MilestoneCompleted], settled.Notices.Select(n => n.Notice.Type));
        Assert.Empty(again.Events);
    }

    [Fact]
    public void A_field_update_that_sets_a_paused_status_stops_the_clock_of_the_other_milestones()
    {
        var first = FirstResponse(60) with
        {
            Actions = [new ActionDefinition { When = ActionTrigger.Warning, Type = ActionType.FieldUpdate, Set = new Dictionary<string, string?> { ["status"] = "Waiting on Customer" } }],
            Warnings = [new WarningDefinition { BeforeTargetMinutes = 30 }],
        };
        var s = AlwaysOpen(first).Opened("2025-03-03T10:00:00Z");

        var settled = s.Engine().Settle(At("2025-03-03T10:45:00Z"), NoneFired);

        var milestone = settled.Evaluation.Snapshot.Milestones.Single();
        Assert.Equal(MilestoneStatus.Paused, milestone.Status);
        Assert.Equal(15 * 60, milestone.PausedSeconds);
    }

    [Fact]
    public void An_escalate_action_may_set_any_field_through_set_as_well()
    {
        var first = FirstResponse(60) with
        {
            Actions = [new ActionDefinition { When = ActionTrigger.Violation, Type = ActionType.Escalate, SetPriority = "Urgent", Set = new Dictionary<string, string?> { ["entitlementId"] = "gold-2" } }],
        };
        var s = AlwaysOpen(first).Opened("2025-03-03T10:00:00Z");

        var settled = s.Engine().Settle(At("2025-03-03T11:00:00Z"), NoneFired);

        var escalation = Assert.Single(settled.Events);
        Assert.Equal($"{Violation}/escalate/0", escalation.EventId);
        Assert.Equal(new CaseChanges { Priority = "Urgent", EntitlementId = "gold-2" }, escalation.Changes);
        Assert.Equal("gold-2", settled.Evaluation.Snapshot.EntitlementId);
    }

    [Fact]
    public void A_warning_action_that_names_its_warning_runs_at_that_warning_only_and_unnamed_ones_at_every_warning()
    {
        var first = FirstResponse(60) with
        {
            Warnings = [new WarningDefinition { BeforeTargetMinutes = 30 }, new WarningDefinition { AtPercent = 75 }],
            Actions =
            [
                new ActionDefinition { When = ActionTrigger.Warning, Type = ActionType.Webhook },
                new ActionDefinition { When = ActionTrigger.Warning, Type = ActionType.Escalate, Warning = "75pct", SetPriority = "Urgent" },
            ],
        };
        var s = AlwaysOpen(first).Opened("2025-03-03T10:00:00Z");

        var settled = s.Engine().Settle(At("2025-03-03T10:50:00Z"), NoneFired);

        Assert.Equal(["case-1/first-response#1/warning/30m", "case-1/first-response#1/warning/75pct"], settled.Fired.Select(n => n.Id));
        Assert.Equal([ActionType.Webhook], settled.Fired[0].Actions.Select(a => a.Type));
        Assert.Equal([ActionType.Webhook, ActionType.Escalate], settled.Fired[1].Actions.Select(a => a.Type));
        Assert.Equal(["case-1/first-response#1/warning/75pct/escalate/0"], settled.Events.Select(e => e.EventId));
    }

    [Fact]
    public void A_task_action_creates_a_task_due_after_the_notice_that_the_snapshot_shows_overdue_and_then_completed()
    {
        var first = FirstResponse(60) with
        {
            Actions = [new ActionDefinition { When = ActionTrigger.Violation, Type = ActionType.Task, Subject = "Call {{case.contactId}} about {{case.subject}}", DueInMinutes = 30 }],
        };
        var s = AlwaysOpen(first).Opened("2025-03-03T10:00:00Z");
        var engine = s.Engine();

        var settled = engine.Settle(At("2025-03-03T11:00:00Z"), NoneFired);
        var created = Assert.Single(settled.Events);
        Assert.Equal(CaseEventType.TaskCreated, created.Type);
        Assert.Equal($"{Violation}/task/0", created.EventId);
        var task = Assert.Single(settled.Evaluation.Snapshot.Tasks);
        Assert.Equal(new CaseTask
        {
            TaskId = $"{Violation}/task/0", Subject = "Call c-17 about Cannot log in", Milestone = "first-response#1",
            CreatedAt = At("2025-03-03T11:00:00Z"), DueAt = At("2025-03-03T11:30:00Z"),
        }, task);

        Assert.True(Assert.Single(engine.Evaluate(At("2025-03-03T11:31:00Z")).Snapshot.Tasks).Overdue);
        var completion = new CaseEvent { EventId = "done-1", Type = CaseEventType.TaskCompleted, OccurredAt = At("2025-03-03T11:40:00Z"), Task = new TaskDetails { TaskId = task.TaskId } };
        Assert.True(engine.CheckTask(completion).IsValid);
        engine.Append(completion);
        engine.Append(completion with { EventId = "done-2", OccurredAt = At("2025-03-03T11:50:00Z") }); // the first completion counts

        var done = Assert.Single(engine.Evaluate(At("2025-03-03T12:00:00Z")).Snapshot.Tasks);
        Assert.Equal(At("2025-03-03T11:40:00Z"), done.CompletedAt);
        Assert.False(done.Overdue);
        // As of before the completion, history still shows it open and overdue.
        Assert.True(Assert.Single(engine.Evaluate(At("2025-03-03T11:35:00Z")).Snapshot.Tasks).Overdue);
    }

    [Fact]
    public void A_completion_of_an_unknown_task_or_before_the_task_existed_is_refused_naming_the_field()
    {
        var first = FirstResponse(60) with
        {
            Actions = [new ActionDefinition { When = ActionTrigger.Violation, Type = ActionType.Task, Subject = "Follow up", DueInMinutes = 30 }],
        };
        var s = AlwaysOpen(first).Opened("2025-03-03T10:00:00Z");
        var engine = s.Engine();
        engine.Settle(At("2025-03-03T11:00:00Z"), NoneFired);

        var unknown = engine.CheckTask(new CaseEvent { EventId = "x", Type = CaseEventType.TaskCompleted, OccurredAt = At("2025-03-03T11:10:00Z"), Task = new TaskDetails { TaskId = "nope" } });
        var early = engine.CheckTask(new CaseEvent { EventId = "y", Type = CaseEventType.TaskCompleted, OccurredAt = At("2025-03-03T10:59:00Z"), Task = new TaskDetails { TaskId = $"{Violation}/task/0" } });
        var missing = CaseEventValidator.Validate(new CaseEvent { EventId = "z", Type = CaseEventType.TaskCompleted, OccurredAt = At("2025-03-03T11:10:00Z") }, At("2025-03-03T11:10:00Z"));

        Assert.Contains("task.taskId", unknown.ToDictionary().Keys);
        Assert.Contains("occurredAt", early.ToDictionary().Keys);
        Assert.Contains("task.taskId", missing.ToDictionary().Keys);
    }

    [Fact]
    public void An_email_action_renders_its_templates_as_of_the_notice_and_resolves_its_recipients()
    {
        var first = FirstResponse(60) with
        {
            Actions =
            [
                new ActionDefinition
                {
                    When = ActionTrigger.Violation, Type = ActionType.Email,
                    To = ["owner", "sla-desk@example.com", "customFields.contactEmail", "customFields.missing"],
                    Subject = "{{milestone.name}} missed on {{ case.id }}: {{case.subject}}",
                    Body = "Target was {{milestone.targetAt}}.\nPriority {{case.priority}}, tier {{case.customFields.tier}}.{{case.owner}}",
                },
            ],
        };
        var s = AlwaysOpen(first)
            .Opened("2025-03-03T10:00:00Z", customFields: ImmutableDictionary<string, string>.Empty.Add("contactEmail", "pat@customer.example").Add("tier", "gold"))
            .Updated("2025-03-03T10:10:00Z", new CaseChanges { Owner = "u-ana", Subject = "Line1\r\nBcc: evil@example.com" });

        var settled = s.Engine().Settle(At("2025-03-03T11:00:00Z"), NoneFired);

        var email = Assert.Single(Assert.Single(settled.Notices).Emails!);
        Assert.Equal($"{Violation}/email/0", email.Id);
        Assert.Equal(["sla-desk@example.com", "pat@customer.example"], email.Addresses);
        Assert.Equal(["u-ana"], email.Owners);
        Assert.Equal(["customFields.missing: not set"], email.Unresolved);
        Assert.Equal("First Response missed on case-1: Line1  Bcc: evil@example.com", email.Subject); // no header can be smuggled in
        Assert.Equal("Target was 2025-03-03T11:00:00Z.\nPriority High, tier gold.u-ana", email.Body);
        Assert.Empty(settled.Events); // an email changes nothing on the case
    }

    [Fact]
    public void Action_ids_count_per_type_so_adding_a_field_update_leaves_escalation_ids_as_they_were()
    {
        var first = FirstResponse(60) with
        {
            Actions =
            [
                new ActionDefinition { When = ActionTrigger.Violation, Type = ActionType.FieldUpdate, Set = new Dictionary<string, string?> { ["status"] = "Overdue" } },
                new ActionDefinition { When = ActionTrigger.Violation, Type = ActionType.Escalate, SetQueue = "Tier 2" },
                new ActionDefinition { When = ActionTrigger.Violation, Type = ActionType.Task, Subject = "Call back", DueInMinutes = 5 },
                new ActionDefinition { When = ActionTrigger.Violation, Type = ActionType.FieldUpdate, Set = new Dictionary<string, string?> { ["customFields.flag"] = "late" } },
            ],
        };
        var settled = AlwaysOpen(first).Opened("2025-03-03T10:00:00Z").Engine().Settle(At("2025-03-03T11:00:00Z"), NoneFired);

        Assert.Equal([$"{Violation}/fieldUpdate/0", $"{Violation}/escalate/0", $"{Violation}/task/0", $"{Violation}/fieldUpdate/1"], settled.Events.Select(e => e.EventId));
        Assert.Equal([SlaNotice.MilestoneViolated, SlaNotice.CaseEscalated], settled.Notices.Select(n => n.Notice.Type));
        Assert.Equal(("Overdue", "Tier 2"), (settled.Evaluation.Snapshot.Status, settled.Evaluation.Snapshot.Queue));
    }

    [Fact]
    public void Integrations_may_not_send_the_events_actions_write_but_may_complete_tasks()
    {
        foreach (var type in new[] { CaseEventType.FieldUpdated, CaseEventType.TaskCreated, CaseEventType.Escalated })
        {
            Assert.DoesNotContain(type, CaseEventTypes.Sendable);
            var refused = CaseEventValidator.Validate(new CaseEvent { EventId = "e", Type = type, OccurredAt = At("2025-03-03T10:00:00Z"), Changes = new CaseChanges { Status = "x" } }, At("2025-03-03T10:00:00Z"));
            Assert.Contains("type", refused.ToDictionary().Keys);
        }
        Assert.Contains(CaseEventType.TaskCompleted, CaseEventTypes.Sendable);
    }
}
