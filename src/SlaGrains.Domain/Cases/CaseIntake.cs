using NodaTime;
using SlaGrains.Domain.Validation;

namespace SlaGrains.Domain.Cases;

/// <summary>
/// What a case checks of an event before applying it, in order (docs/api.md, "Events"): the event alone; a resend of an
/// event it holds (a replay, or a conflict when the content differs); the case's limits; that the case exists; then
/// what the case itself knows: its tasks, its process's milestones, and that it is not closed for what the event does.
/// </summary>
public static class CaseIntake
{
    /// <summary>
    /// The verdict on <paramref name="e"/> for the case <paramref name="engine"/> folds, given the event the case holds
    /// under the same id (if any) and the custom field names its history has set.
    /// </summary>
    public static CaseIntakeVerdict Check(CaseEvent e, CaseEngine engine, CaseEvent? stored, IReadOnlySet<string> customFieldNames, Instant now, Limits limits)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(engine);
        if (CaseEventValidator.Validate(e, now, limits) is { IsValid: false } invalid)
        {
            return new(CaseIntakeOutcome.Invalid, invalid);
        }
        if (stored is not null)
        {
            return CaseEventReplay.Check(stored, e) is { IsValid: false } reused
                ? new(CaseIntakeOutcome.Conflict, reused)
                : new(CaseIntakeOutcome.Replay);
        }
        if (CaseEventValidator.ValidateCustomFieldTotal(customFieldNames, e, limits) is { IsValid: false } tooMany)
        {
            return new(CaseIntakeOutcome.Invalid, tooMany);
        }
        if (engine.Count == 0 && e.Type != CaseEventType.Opened)
        {
            return new(CaseIntakeOutcome.NotFound);
        }
        if (CaseEventValidator.ValidateRoomForEvent(engine.Count, limits) is { IsValid: false } full)
        {
            return new(CaseIntakeOutcome.Invalid, full);
        }
        if (engine.CheckTask(e) is { IsValid: false } noSuchTask)
        {
            return new(CaseIntakeOutcome.Invalid, noSuchTask);
        }
        if (engine.ProcessVersion is { } process && CaseEventValidator.ValidateMilestone(e, process.Definition) is { IsValid: false } unknown)
        {
            return new(CaseIntakeOutcome.Invalid, unknown);
        }
        return ClosedFor(e, engine.ClosedSince) is { IsValid: false } closed ? new(CaseIntakeOutcome.Conflict, closed) : CaseIntakeVerdict.Accept;
    }

    /// <summary>
    /// A case closed at the event's instant takes no event that acts on its clocks: completing a milestone, stopping or
    /// resuming, or changing priority, status or entitlement. Reopen it first. Everything else (a reply, a note in a
    /// custom field, a new queue or owner) is recorded as on any case: reassigning or annotating a closed case is
    /// normal (Salesforce lets closed cases be edited), and it moves no clock. An event dated before the close is a
    /// late one from when the case was open, and is applied in its place.
    /// </summary>
    private static ValidationErrors ClosedFor(CaseEvent e, Instant? closedSince)
    {
        var errors = new ValidationErrors();
        if (closedSince is not { } since || e.OccurredAt < since)
        {
            return errors;
        }
        var reopen = $"The case is closed since {since}: send a 'reopened' event first.";
        switch (e.Type)
        {
            case CaseEventType.MilestoneCompleted or CaseEventType.Stopped or CaseEventType.Resumed:
                errors.Add("type", reopen);
                break;
            case CaseEventType.Updated when e.Changes is { } changes:
                if (changes.Priority is not null)
                {
                    errors.Add("changes.priority", reopen);
                }
                if (changes.Status is not null)
                {
                    errors.Add("changes.status", reopen);
                }
                if (changes.EntitlementId is not null)
                {
                    errors.Add("changes.entitlementId", reopen);
                }
                break;
            default:
                break;
        }
        return errors;
    }
}
