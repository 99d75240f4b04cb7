using System.Collections.Immutable;
using NodaTime;
using SlaGrains.Domain.Cases;

namespace SlaGrains.Domain.Tests.Cases;

/// <summary>A resend of an event is a replay; another event under a used id is a conflict on <c>eventId</c>.</summary>
public sealed class CaseEventReplayTests
{
    private static readonly Instant At = Instant.FromUtc(2026, 3, 2, 9, 0);

    private static CaseEvent Opened(Instant? occurredAt = null) => new()
    {
        EventId = "e-1", Type = CaseEventType.Opened, OccurredAt = occurredAt ?? At,
        Case = new CaseFields
        {
            AccountId = "acme", Priority = "High", Subject = "Cannot log in",
            CustomFields = ImmutableDictionary<string, string>.Empty.Add("region", "EMEA").Add("tier", "1"),
        },
    };

    [Fact]
    public void The_same_event_rebuilt_field_by_field_is_a_resend()
    {
        var stored = Opened();
        var sent = Opened() with
        {
            // A different dictionary instance, filled in another order: the same custom fields.
            Case = Opened().Case! with { CustomFields = ImmutableDictionary<string, string>.Empty.Add("tier", "1").Add("region", "EMEA") },
        };

        Assert.True(CaseEventReplay.Check(stored, sent).IsValid);
    }

    [Fact]
    public void A_different_payload_under_the_same_id_is_a_conflict_naming_eventId()
    {
        var stored = Opened();
        var changed = new[]
        {
            stored with { Case = stored.Case! with { Priority = "Low" } },
            stored with { Case = stored.Case! with { CustomFields = stored.Case.CustomFields!.SetItem("tier", "2") } },
            stored with { OccurredAt = At + Duration.FromMinutes(1) },
            stored with { Type = CaseEventType.Updated, Case = null, Changes = new CaseChanges { Priority = "High" } },
        };

        foreach (var sent in changed)
        {
            var errors = CaseEventReplay.Check(stored, sent).ToDictionary();
            Assert.Equal(["eventId"], errors.Keys);
            Assert.Contains("different payload", errors["eventId"][0], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void What_the_server_filled_in_is_not_part_of_the_comparison()
    {
        // Sent twice without occurredAt: each receipt time differs, the event does not.
        var first = CaseEventReplay.Assign(Opened(At), CaseEventReplay.AssignedOccurredAt);
        var resent = CaseEventReplay.Assign(Opened(At + Duration.FromSeconds(30)), CaseEventReplay.AssignedOccurredAt);
        Assert.True(CaseEventReplay.IsResend(first, resent));

        // Matching chose the entitlement; the client's resend still names none.
        var matched = CaseEventReplay.Assign(Opened() with { Case = Opened().Case! with { EntitlementId = "acme-gold" } }, CaseEventReplay.AssignedEntitlementId);
        Assert.True(CaseEventReplay.IsResend(matched, Opened()));
        Assert.False(CaseEventReplay.IsResend(matched, Opened() with { Case = Opened().Case! with { EntitlementId = "acme-silver" } }));

        // An entitlement the client named is part of what it sent.
        var named = Opened() with { Case = Opened().Case! with { EntitlementId = "acme-gold" } };
        Assert.False(CaseEventReplay.IsResend(named, Opened()));
    }
}
