using System.Collections.Immutable;
using SlaGrains.Domain.Validation;

namespace SlaGrains.Domain.Cases;

/// <summary>
/// When an event whose id the case already holds is a resend (answered as a replay) and when it is a different event
/// under a reused id (refused, since applying it or dropping it silently would both be wrong). The same event is the
/// same as the client sent it: what SlaGrains filled in (<see cref="CaseEvent.Assigned"/>) is left out.
/// </summary>
public static class CaseEventReplay
{
    public const string AssignedOccurredAt = "occurredAt";
    public const string AssignedEntitlementId = "case.entitlementId";

    /// <summary><paramref name="e"/> with <paramref name="field"/> marked as filled in by SlaGrains.</summary>
    public static CaseEvent Assign(CaseEvent e, string field)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e with { Assigned = [.. e.Assigned ?? [], field] };
    }

    /// <summary>No errors when <paramref name="sent"/> resends <paramref name="stored"/>; else an error on <c>eventId</c>.</summary>
    public static ValidationErrors Check(CaseEvent stored, CaseEvent sent)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(sent);
        var errors = new ValidationErrors();
        if (!IsResend(stored, sent))
        {
            errors.Add("eventId", $"The case already holds an event {IdRules.Quote(sent.EventId)} with a different payload; " +
                "give a new event a new id (resending the same event is answered as a replay).");
        }
        return errors;
    }

    public static bool IsResend(CaseEvent stored, CaseEvent sent)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(sent);
        var occurredAtSent = !IsAssigned(stored, AssignedOccurredAt) && !IsAssigned(sent, AssignedOccurredAt);
        var storedCase = stored.Case is { } fields && sent.Case?.EntitlementId is null && IsAssigned(stored, AssignedEntitlementId)
            ? fields with { EntitlementId = null }
            : stored.Case;
        return stored.EventId == sent.EventId &&
               stored.Type == sent.Type &&
               (!occurredAtSent || stored.OccurredAt == sent.OccurredAt) &&
               stored.Public == sent.Public &&
               stored.Milestone == sent.Milestone &&
               stored.NotificationId == sent.NotificationId &&
               stored.Task == sent.Task &&
               SameFields(storedCase, sent.Case) &&
               SameChanges(stored.Changes, sent.Changes);
    }

    private static bool IsAssigned(CaseEvent e, string field) => e.Assigned?.Contains(field, StringComparer.Ordinal) == true;

    // Records compare dictionaries by reference: compare the rest as records and the custom fields by content.
    private static bool SameFields(CaseFields? a, CaseFields? b) =>
        (a is null || b is null) ? a is null && b is null
        : a with { CustomFields = null } == b with { CustomFields = null } && SameMap(a.CustomFields, b.CustomFields);

    private static bool SameChanges(CaseChanges? a, CaseChanges? b) =>
        (a is null || b is null) ? a is null && b is null
        : a with { CustomFields = null } == b with { CustomFields = null } && SameMap(a.CustomFields, b.CustomFields);

    // An empty map and none say the same thing.
    private static bool SameMap<T>(ImmutableDictionary<string, T>? a, ImmutableDictionary<string, T>? b)
    {
        a ??= ImmutableDictionary<string, T>.Empty;
        b ??= ImmutableDictionary<string, T>.Empty;
        return a.Count == b.Count && a.All(pair => b.TryGetValue(pair.Key, out var other) && EqualityComparer<T>.Default.Equals(pair.Value, other));
    }
}
