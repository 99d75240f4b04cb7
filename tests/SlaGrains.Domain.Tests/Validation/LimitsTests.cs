using System.Collections.Immutable;
using NodaTime;
using SlaGrains.Domain.Calendars;
using SlaGrains.Domain.Cases;
using SlaGrains.Domain.Entitlements;
using SlaGrains.Domain.Processes;
using SlaGrains.Domain.Validation;

namespace SlaGrains.Domain.Tests.Validation;

/// <summary>Every validator refuses ids that cannot be keys and anything over its <see cref="Limits"/>, naming the field and the limit.</summary>
public sealed class LimitsTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 2, 9, 0);

    private static CaseEvent Opened(CaseFields fields) => new() { EventId = "e-1", Type = CaseEventType.Opened, OccurredAt = Now, Case = fields };

    private static ProcessDefinition Process(int milestones = 1, Func<int, MilestoneDefinition>? milestone = null) => new()
    {
        Name = "Gold",
        Milestones = [.. Enumerable.Range(0, milestones).Select(i => milestone?.Invoke(i) ?? new MilestoneDefinition { Name = $"M {i}", Minutes = 60 })],
    };

    private static EntitlementDefinition Entitlement() => new()
    {
        Name = "Gold", AccountId = "acme", ProcessId = "gold", StartDate = new LocalDate(2025, 1, 1),
    };

    private static IReadOnlyDictionary<string, string[]> Errors(ValidationErrors errors) => errors.ToDictionary();

    [Theory]
    [InlineData("accountId")]
    [InlineData("entitlementId")]
    [InlineData("contactId")]
    [InlineData("assetId")]
    [InlineData("owner")]
    [InlineData("queue")]
    public void Empty_or_blank_ids_and_queue_names_in_an_opened_case_are_named(string field)
    {
        foreach (var blank in new[] { "", " " })
        {
            var fields = field switch
            {
                "accountId" => new CaseFields { AccountId = blank },
                "entitlementId" => new CaseFields { EntitlementId = blank },
                "contactId" => new CaseFields { ContactId = blank },
                "assetId" => new CaseFields { AssetId = blank },
                "owner" => new CaseFields { Owner = blank },
                _ => new CaseFields { Queue = blank },
            };

            var errors = Errors(CaseEventValidator.Validate(Opened(fields), Now));

            Assert.Equal([$"case.{field}"], errors.Keys);
        }
    }

    [Fact]
    public void Changes_name_their_bad_ids_too()
    {
        var e = new CaseEvent
        {
            EventId = "e-2", Type = CaseEventType.Updated, OccurredAt = Now,
            Changes = new CaseChanges { EntitlementId = "", Queue = "Tier  2", Owner = "sam smith" },
        };

        Assert.Equal(["changes.entitlementId", "changes.owner", "changes.queue"], Errors(CaseEventValidator.Validate(e, Now)).Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Case_texts_and_custom_fields_are_bounded_by_the_limits_given()
    {
        var limits = new Limits { MaxSubjectLength = 10, MaxTextLength = 5, MaxCustomFields = 2, MaxCustomFieldValueLength = 3, MaxCustomFieldNameLength = 4 };
        var valid = new CaseFields
        {
            Subject = new string('s', 10), Priority = "High", Queue = "Tier 1",
            CustomFields = ImmutableDictionary<string, string>.Empty.Add("a", "abc").Add("bb", "x"),
        };
        Assert.True(CaseEventValidator.Validate(Opened(valid), Now, limits).IsValid);

        var errors = Errors(CaseEventValidator.Validate(Opened(valid with
        {
            Subject = new string('s', 11),
            Priority = "Urgent",
            CustomFields = valid.CustomFields!.SetItem("a", "abcd"),
        }), Now, limits));
        Assert.Equal(["case.customFields.a", "case.priority", "case.subject"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("At most 10 characters; this one has 11.", errors["case.subject"][0]);

        var tooMany = Errors(CaseEventValidator.Validate(Opened(valid with { CustomFields = valid.CustomFields!.Add("c", "1") }), Now, limits));
        Assert.Equal("At most 2 custom fields; this one has 3.", tooMany["case.customFields"][0]);

        var longName = Errors(CaseEventValidator.Validate(Opened(valid with { CustomFields = valid.CustomFields!.Remove("a").Add("abcde", "1") }), Now, limits));
        Assert.Contains("at most 4 characters", longName["case.customFields"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_limits_refuse_a_three_megabyte_subject()
    {
        var errors = Errors(CaseEventValidator.Validate(Opened(new CaseFields { Subject = new string('s', 3 * 1024 * 1024) }), Now));

        Assert.Equal($"At most {Limits.Default.MaxSubjectLength:N0} characters; this one has 3,145,728.", errors["case.subject"][0]);
    }

    [Fact]
    public void A_case_holds_at_most_the_custom_fields_allowed_counted_over_its_history()
    {
        var limits = new Limits { MaxCustomFields = 3 };
        var history = new List<CaseEvent>
        {
            Opened(new CaseFields { CustomFields = ImmutableDictionary<string, string>.Empty.Add("a", "1").Add("b", "2") }),
        };
        CaseEvent Update(string id, params string[] names) => new()
        {
            EventId = id, Type = CaseEventType.Updated, OccurredAt = Now,
            Changes = new CaseChanges { CustomFields = names.ToImmutableDictionary(n => n, n => (string?)"x") },
        };

        var names = history.SelectMany(CaseEventValidator.CustomFieldNamesSetBy).ToHashSet(StringComparer.Ordinal);

        Assert.True(CaseEventValidator.ValidateCustomFieldTotal(names, Update("u-1", "a", "c"), limits).IsValid); // a again, c new: 3
        var errors = Errors(CaseEventValidator.ValidateCustomFieldTotal(names, Update("u-2", "c", "d"), limits));

        Assert.Equal("A case holds at most 3 custom fields; with this event it would hold 4.", errors["changes.customFields"][0]);
    }

    [Fact]
    public void Removing_custom_fields_and_setting_known_ones_do_not_count_toward_the_limit_and_new_ones_count_once()
    {
        var limits = new Limits { MaxCustomFields = 3 };
        var names = new HashSet<string>(["a", "b"], StringComparer.Ordinal);
        CaseEvent Update(params (string Name, string? Value)[] fields) => new()
        {
            EventId = "u", Type = CaseEventType.Updated, OccurredAt = Now,
            Changes = new CaseChanges { CustomFields = fields.ToImmutableDictionary(f => f.Name, f => f.Value) },
        };

        Assert.True(CaseEventValidator.ValidateCustomFieldTotal(names, Update(("a", "1"), ("b", null), ("c", null), ("d", null)), limits).IsValid);
        Assert.True(CaseEventValidator.ValidateCustomFieldTotal(names, Update(("a", "1"), ("c", "new")), limits).IsValid); // 3
        var errors = Errors(CaseEventValidator.ValidateCustomFieldTotal(names, Update(("c", "new"), ("d", "new"), ("e", null)), limits));
        Assert.Equal("A case holds at most 3 custom fields; with this event it would hold 4.", errors["changes.customFields"][0]);

        var opened = Opened(new CaseFields { CustomFields = ImmutableDictionary<string, string>.Empty.Add("x", "1").Add("y", "2").Add("z", "3").Add("w", "4") });
        var tooMany = Errors(CaseEventValidator.ValidateCustomFieldTotal(new HashSet<string>(StringComparer.Ordinal), opened, limits));
        Assert.Equal("A case holds at most 3 custom fields; with this event it would hold 4.", tooMany["case.customFields"][0]);
    }

    [Fact]
    public void A_process_names_bad_calendar_ids_without_asking_whether_they_exist()
    {
        var asked = new List<string>();
        bool Exists(string id)
        {
            asked.Add(id);
            return true;
        }

        var errors = Errors(ProcessValidator.Validate(
            Process(milestone: _ => new MilestoneDefinition { Name = "First Response", Minutes = 60, CalendarId = "" }) with { CalendarId = " " }, Exists));

        Assert.Equal(["calendarId", "milestones[0].calendarId"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(asked);
        Assert.Empty(ProcessValidator.CalendarIds(Process() with { CalendarId = " " }));
    }

    [Fact]
    public void A_process_is_bounded_in_milestones_and_each_milestone_in_criteria_actions_warnings_and_lists()
    {
        var limits = new Limits { MaxMilestonesPerProcess = 2, MaxCriteriaPerMilestone = 1, MaxActionsPerMilestone = 1, MaxWarningsPerMilestone = 1, MaxListLength = 2, MaxTextLength = 12, MaxDescriptionLength = 5 };

        var tooMany = Errors(ProcessValidator.Validate(Process(milestones: 3), _ => true, limits));
        Assert.Equal("At most 2 milestones per process; this one has 3.", tooMany["milestones"][0]);
        Assert.Equal(2, ProcessValidator.CalendarIds(Process(3, i => new MilestoneDefinition { Name = $"M {i}", Minutes = 60, CalendarId = $"c-{i}" }), limits).Count);

        var crowded = Process(milestone: _ => new MilestoneDefinition
        {
            Name = "First", Minutes = 60,
            Criteria = new Dictionary<string, IReadOnlyList<string>> { ["priority"] = ["High"], ["status"] = ["New"] },
            Actions = [new ActionDefinition { When = ActionTrigger.Warning, Type = ActionType.Webhook }, new ActionDefinition { When = ActionTrigger.Violation, Type = ActionType.Webhook }],
            Warnings = [new WarningDefinition { AtPercent = 50 }, new WarningDefinition { AtPercent = 75 }],
            PausedStatuses = ["a", "b", "c"],
            CompletedBy = ["agentReplied", "customerReplied", "updated"],
            MinutesByPriority = new Dictionary<string, int> { ["Low"] = 1, ["Medium"] = 2, ["High"] = 3 },
        }) with { Name = "A very long name", Description = "Too long" };

        var errors = Errors(ProcessValidator.Validate(crowded, _ => true, limits));

        Assert.Equal(
            ["description", "milestones[0].actions", "milestones[0].completedBy", "milestones[0].criteria", "milestones[0].minutesByPriority",
             "milestones[0].pausedStatuses", "milestones[0].warnings", "name"],
            errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("At most 1 criteria per milestone; this one has 2.", errors["milestones[0].criteria"][0]);
    }

    [Fact]
    public void Escalations_set_only_valid_queue_names_and_owners()
    {
        var process = Process(milestone: _ => new MilestoneDefinition
        {
            Name = "First Response", Minutes = 60,
            Actions = [new ActionDefinition { When = ActionTrigger.Violation, Type = ActionType.Escalate, SetQueue = " ", SetOwner = "" }],
        });

        var errors = Errors(ProcessValidator.Validate(process, _ => true));

        Assert.Contains("milestones[0].actions[0].setQueue", errors.Keys);
        Assert.Contains("milestones[0].actions[0].setOwner", errors.Keys);
    }

    [Fact]
    public void An_entitlement_names_bad_ids_and_too_many_contacts()
    {
        var errors = Errors(EntitlementValidator.Validate(
            Entitlement() with { AccountId = " ", ProcessId = "", CalendarId = " ", AssetId = "", ContactIds = ["c-1", ""] },
            processExists: _ => throw new InvalidOperationException("asked about a bad id"),
            calendarExists: _ => throw new InvalidOperationException("asked about a bad id")));

        Assert.Equal(["accountId", "assetId", "calendarId", "contactIds[1]", "processId"], errors.Keys.Order(StringComparer.Ordinal));

        var crowd = Errors(EntitlementValidator.Validate(Entitlement() with { ContactIds = ["a", "b", "c"] }, _ => true, _ => true, new Limits { MaxContactsPerEntitlement = 2 }));
        Assert.Equal("At most 2 contacts per entitlement; this one has 3.", crowd["contactIds"][0]);
    }

    [Fact]
    public void A_calendar_is_bounded_in_intervals_per_day_and_holidays()
    {
        var limits = new Limits { MaxIntervalsPerDay = 2, MaxHolidaysPerCalendar = 2 };
        LocalTimeRange Range(int hour) => new($"{hour:00}:00", $"{hour:00}:30");
        var calendar = new CalendarDefinition
        {
            TimeZone = "Etc/UTC",
            Weekly = new WeeklySchedule { Monday = [Range(9), Range(10), Range(11)], Tuesday = [Range(9)] },
            Holidays = [new Holiday { Date = "2026-01-01", Closed = [Range(9), Range(10), Range(11)] }],
        };

        var errors = Errors(CalendarValidator.Validate(calendar, limits));
        Assert.Equal(["holidays[0].closed", "weekly.monday"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("At most 2 intervals per day; this one has 3.", errors["weekly.monday"][0]);

        var holidays = Errors(CalendarValidator.Validate(calendar with
        {
            Weekly = new WeeklySchedule { Monday = [Range(9)] },
            Holidays = [.. Enumerable.Range(1, 3).Select(d => new Holiday { Date = $"2026-01-0{d}" })],
        }, limits));
        Assert.Equal("At most 2 holidays per calendar; this one has 3.", holidays["holidays"][0]);
    }

    [Fact]
    public void The_defaults_are_valid_settings_and_a_limit_of_zero_is_not()
    {
        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        Assert.True(System.ComponentModel.DataAnnotations.Validator.TryValidateObject(Limits.Default, new(Limits.Default), results, validateAllProperties: true));

        var zero = Limits.Default with { MaxMilestonesPerProcess = 0 };
        Assert.False(System.ComponentModel.DataAnnotations.Validator.TryValidateObject(zero, new(zero), results, validateAllProperties: true));
        Assert.Equal([nameof(Limits.MaxMilestonesPerProcess)], results.SelectMany(r => r.MemberNames));
    }
}
