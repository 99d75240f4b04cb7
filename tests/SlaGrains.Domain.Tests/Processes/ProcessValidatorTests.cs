using SlaGrains.Domain.Processes;

namespace SlaGrains.Domain.Tests.Processes;

public sealed class ProcessValidatorTests
{
    private static readonly Func<string, bool> KnownCalendars = id => id == "us-east";

    private static ProcessDefinition Platinum() => new()
    {
        Name = "Platinum Support",
        CalendarId = "us-east",
        PausedStatuses = ["Waiting on Customer"],
        Milestones =
        [
            new MilestoneDefinition
            {
                Name = "First Response", Minutes = 240,
                MinutesByPriority = new Dictionary<string, int> { ["High"] = 60, ["Urgent"] = 30 },
                Criteria = new Dictionary<string, IReadOnlyList<string>> { ["priority"] = ["High", "Urgent", "Medium"] },
                CompletedBy = ["agentReplied"],
                Warnings = [new WarningDefinition { BeforeTargetMinutes = 15 }, new WarningDefinition { AtPercent = 75 }],
                Actions =
                [
                    new ActionDefinition { When = ActionTrigger.Warning, Type = ActionType.Webhook },
                    new ActionDefinition { When = ActionTrigger.Violation, Type = ActionType.Escalate, OffsetMinutes = 60, SetPriority = "Urgent", SetQueue = "Tier 2" },
                ],
            },
        ],
    };

    [Fact]
    public void The_api_example_process_is_valid()
    {
        Assert.True(ProcessValidator.Validate(Platinum(), KnownCalendars).IsValid);
    }

    [Fact]
    public void Every_problem_is_named_by_its_field()
    {
        var broken = Platinum() with
        {
            CalendarId = "mars",
            StartsFrom = "whenever",
            Milestones =
            [
                Platinum().Milestones[0] with
                {
                    Minutes = 0,
                    Criteria = new Dictionary<string, IReadOnlyList<string>> { ["colour"] = ["red"] },
                    CompletedBy = ["agentSmiled"],
                    StartedBy = ["customerReplied"],
                    Warnings = [new WarningDefinition { BeforeTargetMinutes = 5, AtPercent = 50 }, new WarningDefinition { AtPercent = 120 }],
                    Actions = [new ActionDefinition { When = ActionTrigger.Violation, Type = ActionType.Escalate, OffsetMinutes = -5 }],
                },
                new MilestoneDefinition { Name = "first response!", Minutes = 30 },
            ],
        };

        var errors = ProcessValidator.Validate(broken, KnownCalendars).ToDictionary();

        Assert.Equal(
            [
                "calendarId", "milestones[0].actions[0]", "milestones[0].actions[0].offsetMinutes", "milestones[0].completedBy",
                "milestones[0].criteria.colour", "milestones[0].minutes", "milestones[0].startedBy", "milestones[0].warnings[0]",
                "milestones[0].warnings[1].atPercent", "milestones[1].name", "startsFrom",
            ],
            errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("no calendar 'mars'", errors["calendarId"][0], StringComparison.Ordinal);
        Assert.Contains("clashes with milestones[0]", errors["milestones[1].name"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_process_needs_milestones_and_custom_field_criteria_are_allowed()
    {
        Assert.True(ProcessValidator.Validate(Platinum() with { Milestones = [] }, KnownCalendars).ToDictionary().ContainsKey("milestones"));
        var custom = Platinum() with
        {
            Milestones = [new MilestoneDefinition { Name = "Regional", Minutes = 10, Criteria = new Dictionary<string, IReadOnlyList<string>> { ["customFields.region"] = ["EMEA"] } }],
        };
        Assert.True(ProcessValidator.Validate(custom, KnownCalendars).IsValid);
    }

    [Theory]
    [InlineData("First Response", "first-response")]
    [InlineData("  Tier 2: Pickup!! ", "tier-2-pickup")]
    [InlineData("Résolution", "r-solution")]
    public void Milestone_keys_are_stable_slugs(string name, string key)
    {
        Assert.Equal(key, MilestoneKey.From(name));
    }
}
