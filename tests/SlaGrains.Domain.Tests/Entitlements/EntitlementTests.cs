using NodaTime;
using SlaGrains.Domain.Entitlements;

namespace SlaGrains.Domain.Tests.Entitlements;

public sealed class EntitlementTests
{
    private static readonly LocalDate March3 = new(2025, 3, 3);

    private static EntitlementDefinition Gold(string? asset = null, IReadOnlyList<string>? contacts = null, LocalDate? end = null) => new()
    {
        Name = "Gold", AccountId = "acme", ProcessId = "platinum", AssetId = asset, ContactIds = contacts,
        StartDate = new LocalDate(2025, 1, 1), EndDate = end ?? new LocalDate(2026, 12, 31),
    };

    [Fact]
    public void Status_follows_the_dates_inclusively()
    {
        var gold = Gold();
        Assert.Equal(EntitlementStatus.Inactive, gold.StatusOn(new LocalDate(2024, 12, 31)));
        Assert.Equal(EntitlementStatus.Active, gold.StatusOn(new LocalDate(2025, 1, 1)));
        Assert.Equal(EntitlementStatus.Active, gold.StatusOn(new LocalDate(2026, 12, 31)));
        Assert.Equal(EntitlementStatus.Expired, gold.StatusOn(new LocalDate(2027, 1, 1)));
        Assert.Equal(EntitlementStatus.Active, (gold with { EndDate = null }).StatusOn(new LocalDate(2099, 1, 1)));
    }

    [Fact]
    public void The_most_specific_covering_entitlement_wins_and_the_reason_says_why()
    {
        var candidates = new[]
        {
            new EntitlementCandidate("account-wide", Gold(), null),
            new EntitlementCandidate("contact", Gold(contacts: ["c-17"]), null),
            new EntitlementCandidate("asset", Gold(asset: "router-9"), null),
            new EntitlementCandidate("other-asset", Gold(asset: "router-1"), null),
        };

        var withAsset = EntitlementMatcher.Match(candidates, "c-17", "router-9", March3);
        var withoutAsset = EntitlementMatcher.Match(candidates, "c-17", null, March3);
        var otherContact = EntitlementMatcher.Match(candidates, "c-99", null, March3);

        Assert.Equal("asset", withAsset.EntitlementId);
        Assert.Contains("asset-specific", withAsset.Reason, StringComparison.Ordinal);
        Assert.Equal("contact", withoutAsset.EntitlementId);
        Assert.Equal("account-wide", otherContact.EntitlementId);
    }

    [Fact]
    public void Among_equals_the_one_ending_first_then_the_smallest_id_wins()
    {
        var later = new EntitlementCandidate("a-later", Gold(end: new LocalDate(2026, 6, 30)), null);
        var sooner = new EntitlementCandidate("z-sooner", Gold(end: new LocalDate(2025, 6, 30)), null);
        var twin = new EntitlementCandidate("m-twin", Gold(end: new LocalDate(2025, 6, 30)), null);

        Assert.Equal("m-twin", EntitlementMatcher.Match([later, sooner, twin], "c-17", null, March3).EntitlementId);
    }

    [Fact]
    public void Inactive_expired_and_non_covering_entitlements_are_never_matched_and_the_reason_says_so()
    {
        var expired = new EntitlementCandidate("old", Gold(end: new LocalDate(2024, 12, 31)) with { StartDate = new LocalDate(2024, 1, 1) }, null);
        var narrow = new EntitlementCandidate("narrow", Gold(contacts: ["c-1"]), null);

        var none = EntitlementMatcher.Match([expired], "c-17", null, March3);
        var uncovered = EntitlementMatcher.Match([narrow], "c-17", null, March3);

        Assert.Null(none.EntitlementId);
        Assert.Contains("active", none.Reason, StringComparison.Ordinal);
        Assert.Null(uncovered.EntitlementId);
        Assert.Contains("covers contact 'c-17'", uncovered.Reason, StringComparison.Ordinal);
        Assert.Null(EntitlementMatcher.Match([], "c-17", null, March3).EntitlementId);
    }

    [Fact]
    public void A_used_up_entitlement_gives_way_to_one_with_cases_left()
    {
        var usedUp = new EntitlementCandidate("asset", Gold(asset: "router-9"), 0);
        var open = new EntitlementCandidate("account-wide", Gold(), 3);

        Assert.Equal("account-wide", EntitlementMatcher.Match([usedUp, open], "c-17", "router-9", March3).EntitlementId);
        var only = EntitlementMatcher.Match([usedUp], "c-17", "router-9", March3);
        Assert.Equal("asset", only.EntitlementId);
        Assert.Contains("no remaining cases", only.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_per_incident_ledger_counts_each_case_once_and_refuses_when_used_up()
    {
        var ledger = PerIncidentLedger.For(2);

        var (first, afterFirst) = ledger.Admit("case-1");
        var (again, afterAgain) = afterFirst.Admit("case-1"); // replayed or reopened
        var (second, afterSecond) = afterAgain.Admit("case-2");
        var (third, afterThird) = afterSecond.Admit("case-3");

        Assert.True(first && again && second);
        Assert.False(third);
        Assert.Equal(1, afterAgain.RemainingCases);
        Assert.Equal(0, afterThird.RemainingCases);
        Assert.True(afterThird.Admit("case-2").Admitted); // an admitted case stays admitted
    }

    [Fact]
    public void An_unlimited_entitlement_keeps_no_record_of_its_cases_and_a_later_cap_counts_from_then()
    {
        var unlimited = PerIncidentLedger.For(null);
        foreach (var id in Enumerable.Range(0, 50).Select(i => $"case-{i}"))
        {
            var (admitted, after) = unlimited.Admit(id);
            Assert.True(admitted);
            unlimited = after;
        }
        Assert.Empty(unlimited.CountedCases);
        Assert.Null(unlimited.RemainingCases);

        var capped = unlimited with { CasesAllowed = 2 }; // the definition edited to per-incident
        Assert.Equal(2, capped.RemainingCases);
        Assert.Equal(1, capped.Admit("case-0").Ledger.RemainingCases);

        // A state written when unlimited entitlements still recorded their cases sheds the record at the next case.
        var old = new PerIncidentLedger(null, [.. Enumerable.Range(0, 50).Select(i => $"case-{i}")]);
        Assert.Empty(old.Admit("case-50").Ledger.CountedCases);
    }

    [Fact]
    public void Entitlement_validation_names_its_fields()
    {
        var errors = EntitlementValidator.Validate(
            Gold() with { ProcessId = "gone", EndDate = new LocalDate(2024, 1, 1), CasesAllowed = 0, CalendarId = "nope" },
            processExists: _ => false, calendarExists: _ => false).ToDictionary();

        Assert.Equal(["calendarId", "casesAllowed", "endDate", "processId"], errors.Keys.Order(StringComparer.Ordinal));
    }
}
