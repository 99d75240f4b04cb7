using SlaGrains.Domain.Processes;
using SlaGrains.Domain.Validation;

namespace SlaGrains.Domain.Tests.Processes;

/// <summary>A milestone's actions checked on their own, under the JSON path the caller gives, as a process's milestones use it.</summary>
public sealed class ActionValidatorTests
{
    private static readonly WarningDefinition[] Warnings = [new() { AtPercent = 75 }];

    [Fact]
    public void Problems_are_named_under_the_given_path_and_a_warning_is_looked_up_among_the_given_warnings()
    {
        var errors = new ValidationErrors();

        ActionValidator.Validate(
            [
                new ActionDefinition { When = ActionTrigger.Warning, Type = ActionType.Webhook, Warning = "75pct" },
                new ActionDefinition { When = ActionTrigger.Warning, Type = ActionType.Webhook, Warning = "15m" },
                new ActionDefinition { When = ActionTrigger.Violation, Type = ActionType.Task, Subject = "Call back", DueInMinutes = 0 },
            ],
            "milestones[3]", Warnings, errors, Limits.Default);

        var found = errors.ToDictionary();
        Assert.Equal(["milestones[3].actions[1].warning", "milestones[3].actions[2].dueInMinutes"], found.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("'75pct'", found["milestones[3].actions[1].warning"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void No_actions_and_well_formed_actions_add_nothing()
    {
        var errors = new ValidationErrors();

        ActionValidator.Validate(null, "milestones[0]", [], errors, Limits.Default);
        ActionValidator.Validate(
            [new ActionDefinition { When = ActionTrigger.Violation, Type = ActionType.Escalate, SetPriority = "Urgent", OffsetMinutes = 30 }],
            "milestones[0]", [], errors, Limits.Default);

        Assert.True(errors.IsValid, errors.ToString());
    }

    [Fact]
    public void More_actions_than_the_limit_are_refused_as_a_count_not_checked_one_by_one()
    {
        var errors = new ValidationErrors();
        var limits = Limits.Default with { MaxActionsPerMilestone = 1 };

        ActionValidator.Validate(
            [new ActionDefinition { When = ActionTrigger.Violation, Type = ActionType.Task }, new ActionDefinition { When = ActionTrigger.Violation, Type = ActionType.Task }],
            "milestones[0]", [], errors, limits);

        Assert.Equal(["milestones[0].actions"], errors.ToDictionary().Keys);
    }
}
