using System.Text.Json;
using System.Text.Json.Serialization;
using SlaGrains.Domain.Cases;
using SlaGrains.Domain.Processes;

namespace SlaGrains.Domain.Tests.Cases;

public sealed class CaseEventTypesTests
{
    [Fact]
    public void Every_event_type_has_a_unique_name_that_parses_back_to_it()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in Enum.GetValues<CaseEventType>())
        {
            var name = CaseEventTypes.Name(type);
            Assert.True(names.Add(name), $"{type} shares the name '{name}'.");
            Assert.True(CaseEventTypes.TryParse(name, out var parsed));
            Assert.Equal(type, parsed);
        }
        Assert.Equal(Enum.GetValues<CaseEventType>(), CaseEventTypes.All);
        // Milestones keep the types that start or complete them as bits of a 32-bit mask.
        Assert.All(CaseEventTypes.All, type => Assert.InRange((int)type, 0, 31));
    }

    [Fact]
    public void Names_are_the_camelCase_names_events_carry_in_JSON()
    {
        var options = new JsonSerializerOptions { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };
        foreach (var type in CaseEventTypes.All)
        {
            Assert.Equal($"\"{CaseEventTypes.Name(type)}\"", JsonSerializer.Serialize(type, options));
        }
    }

    [Fact]
    public void An_integration_may_send_every_type_but_the_escalations_the_case_writes_itself()
    {
        Assert.DoesNotContain(CaseEventType.Escalated, CaseEventTypes.Sendable);
        Assert.DoesNotContain(CaseEventType.ProcessMoved, CaseEventTypes.Sendable);
        Assert.Equal(CaseEventTypes.All.Count - 4, CaseEventTypes.Sendable.Count); // escalated, fieldUpdated, taskCreated, processMoved
        var refused = CaseEventValidator.Validate(
            new CaseEvent { EventId = "e", Type = CaseEventType.Escalated, OccurredAt = NodaTime.Instant.FromUtc(2025, 3, 3, 10, 0) },
            NodaTime.Instant.FromUtc(2025, 3, 3, 11, 0), SlaGrains.Domain.Validation.Limits.Default);
        Assert.False(refused.IsValid);
    }

    [Fact]
    public void Unknown_or_differently_cased_names_do_not_parse()
    {
        Assert.False(CaseEventTypes.TryParse("AgentReplied", out _));
        Assert.False(CaseEventTypes.TryParse("note", out _));
        Assert.False(CaseEventTypes.TryParse(null, out _));
    }

    [Fact]
    public void Every_type_a_process_may_name_is_an_event_type_and_every_event_type_completes_a_milestone_that_names_it()
    {
        foreach (var name in ProcessValidator.MilestoneEventTypes)
        {
            Assert.True(CaseEventTypes.TryParse(name, out var type));
            var s = new Scenario(Scenario.ProcessWith(new MilestoneDefinition { Name = "Any", Minutes = 60, CompletedBy = [name] }))
                .Opened("2025-03-03T10:00:00Z")
                .Add(type, "2025-03-03T10:10:00Z", e => e with { Public = true, Changes = new CaseChanges() });

            Assert.Equal(MilestoneStatus.Completed, s.Milestone("2025-03-03T10:20:00Z", "any#1").Status);
        }
    }
}
