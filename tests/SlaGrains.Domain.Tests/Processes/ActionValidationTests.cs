using SlaGrains.Domain.Processes;

namespace SlaGrains.Domain.Tests.Processes;

/// <summary>How a process's actions are checked when it is saved: every problem named by its field (docs/api.md, "Actions").</summary>
public sealed class ActionValidationTests
{
    private static IReadOnlyDictionary<string, string[]> Errors(params ActionDefinition[] actions) =>
        ProcessValidator.Validate(new ProcessDefinition
        {
            Name = "Gold",
            Milestones =
            [
                new MilestoneDefinition
                {
                    Name = "First Response", Minutes = 60,
                    Warnings = [new WarningDefinition { BeforeTargetMinutes = 15 }, new WarningDefinition { AtPercent = 75 }],
                    Actions = actions,
                },
            ],
        }, _ => true).ToDictionary();

    [Fact]
    public void Field_updates_tasks_emails_and_named_warnings_that_are_well_formed_are_valid()
    {
        var errors = Errors(
            new ActionDefinition { When = ActionTrigger.Success, Type = ActionType.FieldUpdate, Set = new Dictionary<string, string?> { ["status"] = "Responded", ["customFields.old"] = null, ["entitlementId"] = "gold-2" } },
            new ActionDefinition { When = ActionTrigger.Warning, Type = ActionType.Task, Warning = "75pct", Subject = "Check {{case.subject}}", DueInMinutes = 30 },
            new ActionDefinition { When = ActionTrigger.Violation, Type = ActionType.Email, To = ["owner", "desk@example.com", "customFields.contactEmail"], Subject = "{{milestone.name}} missed", Body = "Case {{case.id}} ({{case.customFields.tier}})" },
            new ActionDefinition { When = ActionTrigger.Violation, Type = ActionType.Escalate, Set = new Dictionary<string, string?> { ["origin"] = "Escalated" } });

        Assert.Empty(errors);
    }

    [Fact]
    public void Each_bad_setting_is_named_by_its_field()
    {
        var errors = Errors(
            new ActionDefinition { When = ActionTrigger.Success, Type = ActionType.FieldUpdate, Set = new Dictionary<string, string?> { ["colour"] = "red", ["status"] = null, ["queue"] = "bad/queue" } },
            new ActionDefinition { When = ActionTrigger.Success, Type = ActionType.FieldUpdate },
            new ActionDefinition { When = ActionTrigger.Warning, Type = ActionType.Webhook, Warning = "20m" },
            new ActionDefinition { When = ActionTrigger.Violation, Type = ActionType.Webhook, Warning = "15m" },
            new ActionDefinition { When = ActionTrigger.Violation, Type = ActionType.Task, Subject = "Call", DueInMinutes = 0 },
            new ActionDefinition { When = ActionTrigger.Violation, Type = ActionType.Email, To = ["ops", "customFields."], Subject = "{{case.colour}}", Body = " " },
            new ActionDefinition { When = ActionTrigger.Violation, Type = ActionType.Webhook, Subject = "x", DueInMinutes = 5 },
            new ActionDefinition { When = ActionTrigger.Violation, Type = ActionType.Email });

        Assert.Equal(
            [
                "milestones[0].actions[0].set", "milestones[0].actions[0].set.queue", "milestones[0].actions[0].set.status",
                "milestones[0].actions[1].set",
                "milestones[0].actions[2].warning",
                "milestones[0].actions[3].warning",
                "milestones[0].actions[4].dueInMinutes",
                "milestones[0].actions[5].body", "milestones[0].actions[5].subject", "milestones[0].actions[5].to[0]", "milestones[0].actions[5].to[1]",
                "milestones[0].actions[6].dueInMinutes", "milestones[0].actions[6].subject",
                "milestones[0].actions[7].body", "milestones[0].actions[7].subject", "milestones[0].actions[7].to",
            ],
            errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("'colour' is not a field an action sets", errors["milestones[0].actions[0].set"][0], StringComparison.Ordinal);
        Assert.Contains("'15m', '75pct'", errors["milestones[0].actions[2].warning"][0], StringComparison.Ordinal);
        Assert.Contains("Only warning actions", errors["milestones[0].actions[3].warning"][0], StringComparison.Ordinal);
        Assert.Contains("{{case.colour}}", errors["milestones[0].actions[5].subject"][0], StringComparison.Ordinal);
        Assert.Contains("Only email and task actions take 'subject'", errors["milestones[0].actions[6].subject"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Set_fields_belong_to_escalate_and_fieldUpdate_only()
    {
        var errors = Errors(
            new ActionDefinition { When = ActionTrigger.Violation, Type = ActionType.Webhook, SetPriority = "Urgent" },
            new ActionDefinition { When = ActionTrigger.Violation, Type = ActionType.Email, To = ["a@example.com"], Subject = "s", Body = "b", Set = new Dictionary<string, string?> { ["status"] = "x" } },
            new ActionDefinition { When = ActionTrigger.Violation, Type = ActionType.Escalate });

        Assert.Equal(["milestones[0].actions[0]", "milestones[0].actions[1].set", "milestones[0].actions[2]"], errors.Keys.Order(StringComparer.Ordinal));
    }
}
