using System.Collections.Immutable;
using System.Globalization;
using NodaTime;
using SlaGrains.Domain.Calendars;
using SlaGrains.Domain.Processes;
using SlaGrains.Domain.Validation;

namespace SlaGrains.Domain.Cases;

/// <summary>
/// What makes an incoming event well formed (docs/api.md, "Events"): an id, the payload its type needs, and nothing
/// only the case itself may write. Milestone names are checked against the pinned process by the case.
/// </summary>
public static class CaseEventValidator
{
    public const int MaxIdLength = 128;

    /// <summary>How far ahead of the receiving clock an event may claim to have happened (integrations' clocks drift).</summary>
    public static readonly Duration MaxClockSkew = Duration.FromMinutes(5);

    public static ValidationErrors Validate(CaseEvent e, Instant now, Limits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(e);
        var errors = new ValidationErrors();
        CheckFields(e, limits ?? Limits.Default, errors);
        if (string.IsNullOrWhiteSpace(e.EventId))
        {
            errors.Add("eventId", "Give every event an id, unique within its case, so a retry is not applied twice.");
        }
        else if (e.EventId.Length > MaxIdLength)
        {
            errors.Add("eventId", $"An event id has at most {MaxIdLength} characters.");
        }
        CheckInstants(e, errors);
        if (e.OccurredAt > now + MaxClockSkew)
        {
            errors.Add("occurredAt", $"The event claims to happen at {e.OccurredAt}, more than {MaxClockSkew.TotalMinutes} minutes from now ({now}); send events as they happen.");
        }

        switch (e.Type)
        {
            case CaseEventType.Opened when e.Case is null:
                errors.Add("case", "An 'opened' event carries the case's fields in 'case'.");
                break;
            case CaseEventType.Opened:
                CheckCustomFields(errors, "case.customFields", e.Case.CustomFields?.Keys);
                break;
            case CaseEventType.Updated when e.Changes is null || IsEmpty(e.Changes):
                errors.Add("changes", "An 'updated' event names at least one changed field in 'changes'.");
                break;
            case CaseEventType.Updated:
                CheckCustomFields(errors, "changes.customFields", e.Changes.CustomFields?.Keys);
                break;
            case CaseEventType.MilestoneCompleted when string.IsNullOrWhiteSpace(e.Milestone):
                errors.Add("milestone", "A 'milestoneCompleted' event names the milestone it completes.");
                break;
            case CaseEventType.Escalated or CaseEventType.FieldUpdated or CaseEventType.TaskCreated:
                errors.Add("type", $"'{CaseEventTypes.Name(e.Type)}' events are written by the case when its process's actions fire; send 'updated' to change fields.");
                break;
            case CaseEventType.ProcessMoved:
                errors.Add("type", "'processMoved' events are written by the case when an administrator moves it (POST /api/v1/processes/{processId}/move-cases).");
                break;
            case CaseEventType.TaskCompleted when string.IsNullOrWhiteSpace(e.Task?.TaskId):
                errors.Add("task.taskId", "A 'taskCompleted' event names the task it completes in 'task.taskId' (the case's snapshot lists its tasks).");
                break;
            default:
                break;
        }
        return errors;
    }

    /// <summary>A completion must name a milestone of the case's process, by name or key.</summary>
    public static ValidationErrors ValidateMilestone(CaseEvent e, ProcessDefinition process)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(process);
        var errors = new ValidationErrors();
        if (e.Type == CaseEventType.MilestoneCompleted && e.Milestone is { } name &&
            !process.Milestones.Any(m => MilestoneKey.From(m.Name) == MilestoneKey.From(name)))
        {
            errors.Add("milestone", $"The case's process has no milestone '{name}'; it has {string.Join(", ", process.Milestones.Select(m => $"'{m.Name}'"))}.");
        }
        return errors;
    }

    /// <summary>Ids and queue names as keys need them, and every text and map within <paramref name="limits"/>.</summary>
    private static void CheckFields(CaseEvent e, Limits limits, ValidationErrors errors)
    {
        errors.Text("milestone", e.Milestone, limits.MaxTextLength);
        errors.Text("task.taskId", e.Task?.TaskId, MaxIdLength * 4); // a notification id and a suffix
        if (e.Case is { } c)
        {
            errors.Id("case.accountId", c.AccountId);
            errors.Id("case.contactId", c.ContactId);
            errors.Id("case.assetId", c.AssetId);
            errors.Id("case.entitlementId", c.EntitlementId);
            errors.Id("case.owner", c.Owner);
            errors.QueueName("case.queue", c.Queue);
            errors.Text("case.priority", c.Priority, limits.MaxTextLength);
            errors.Text("case.status", c.Status, limits.MaxTextLength);
            errors.Text("case.origin", c.Origin, limits.MaxTextLength);
            errors.Text("case.type", c.Type, limits.MaxTextLength);
            errors.Text("case.subject", c.Subject, limits.MaxSubjectLength);
            CheckCustomFieldSizes(errors, "case.customFields", c.CustomFields?.Select(f => (f.Key, (string?)f.Value)), c.CustomFields?.Count ?? 0, limits);
        }
        if (e.Changes is { } changes)
        {
            errors.Id("changes.entitlementId", changes.EntitlementId);
            errors.Id("changes.owner", changes.Owner);
            errors.QueueName("changes.queue", changes.Queue);
            errors.Text("changes.priority", changes.Priority, limits.MaxTextLength);
            errors.Text("changes.status", changes.Status, limits.MaxTextLength);
            errors.Text("changes.origin", changes.Origin, limits.MaxTextLength);
            errors.Text("changes.type", changes.Type, limits.MaxTextLength);
            errors.Text("changes.subject", changes.Subject, limits.MaxSubjectLength);
            CheckCustomFieldSizes(errors, "changes.customFields", changes.CustomFields?.Select(f => (f.Key, f.Value)), changes.CustomFields?.Count ?? 0, limits);
        }
    }

    private static void CheckCustomFieldSizes(ValidationErrors errors, string field, IEnumerable<(string Name, string? Value)>? fields, int count, Limits limits)
    {
        if (fields is null || !errors.Count(field, count, limits.MaxCustomFields, "custom fields"))
        {
            return;
        }
        foreach (var (name, value) in fields)
        {
            if (name.Length > limits.MaxCustomFieldNameLength)
            {
                errors.Add(field, $"Custom field names have at most {limits.MaxCustomFieldNameLength} characters; {IdRules.Quote(name)} has {name.Length}.");
                continue;
            }
            errors.Text($"{field}.{name}", value, limits.MaxCustomFieldValueLength);
        }
    }

    /// <summary>
    /// A case holds at most <see cref="Limits.MaxCustomFields"/> custom fields, counted as the distinct names its
    /// history has set (a removed field still counts; <see cref="CustomFieldNamesSetBy"/> of each event): checked only
    /// for events that set custom fields. The caller keeps the names so far, so an event costs its own fields only.
    /// </summary>
    public static ValidationErrors ValidateCustomFieldTotal(IReadOnlySet<string> namesSoFar, CaseEvent e, Limits limits)
    {
        ArgumentNullException.ThrowIfNull(namesSoFar);
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(limits);
        var errors = new ValidationErrors();
        // Counted in loops rather than a LINQ chain: half of a busy case's events set a custom field.
        var total = namesSoFar.Count;
        var opened = e.Case?.CustomFields;
        foreach (var name in opened?.Keys ?? [])
        {
            total += namesSoFar.Contains(name) ? 0 : 1;
        }
        foreach (var (name, value) in e.Changes?.CustomFields ?? ImmutableDictionary<string, string?>.Empty)
        {
            total += value is null || namesSoFar.Contains(name) || opened?.ContainsKey(name) == true ? 0 : 1;
        }
        if (total > limits.MaxCustomFields)
        {
            var field = e.Case is not null ? "case.customFields" : "changes.customFields";
            errors.Add(field, $"A case holds at most {limits.MaxCustomFields} custom fields; with this event it would hold {total}.");
        }
        return errors;
    }

    /// <summary>The custom field names an event sets (not those it removes).</summary>
    public static IEnumerable<string> CustomFieldNamesSetBy(CaseEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return (e.Case?.CustomFields?.Keys ?? Enumerable.Empty<string>())
            .Concat(e.Changes?.CustomFields?.Where(f => f.Value is not null).Select(f => f.Key) ?? []);
    }

    /// <summary>
    /// Whether a case holding <paramref name="eventsHeld"/> events takes another: past the limit a new event is refused
    /// and nothing is stored (an event it already holds is still a replay).
    /// </summary>
    public static ValidationErrors ValidateRoomForEvent(int eventsHeld, Limits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var errors = new ValidationErrors();
        if (eventsHeld >= limits.EventsPerCase)
        {
            errors.Add("caseId", string.Create(CultureInfo.InvariantCulture,
                $"The case holds {eventsHeld:N0} events, the most one case may hold ({Limits.Section}:{nameof(Limits.EventsPerCase)} is {limits.EventsPerCase:N0}); this event was not stored."));
        }
        return errors;
    }

    /// <summary>
    /// Every instant an event carries lies in <see cref="InstantRange"/>: <c>occurredAt</c>, and any custom field whose
    /// value is written as an instant, since a process may start its SLA from it (<c>startsFrom</c>).
    /// </summary>
    private static void CheckInstants(CaseEvent e, ValidationErrors errors)
    {
        if (InstantRange.Check(e.OccurredAt, "occurredAt") is { } occurred)
        {
            errors.Add("occurredAt", occurred);
        }
        foreach (var (name, value) in e.Case?.CustomFields ?? ImmutableDictionary<string, string>.Empty)
        {
            CheckInstantField(errors, $"case.customFields.{name}", value);
        }
        foreach (var (name, value) in e.Changes?.CustomFields ?? ImmutableDictionary<string, string?>.Empty)
        {
            CheckInstantField(errors, $"changes.customFields.{name}", value);
        }
    }

    private static void CheckInstantField(ValidationErrors errors, string field, string? value)
    {
        if (CaseFields.ReadInstant(value) is { } instant && InstantRange.Check(instant, field) is { } message)
        {
            errors.Add(field, message);
        }
    }

    private static bool IsEmpty(CaseChanges c) =>
        c.Priority is null && c.Status is null && c.Queue is null && c.Owner is null && c.Origin is null && c.Type is null &&
        c.EntitlementId is null && c.Subject is null && (c.CustomFields is null || c.CustomFields.IsEmpty);

    private static void CheckCustomFields(ValidationErrors errors, string field, IEnumerable<string>? names)
    {
        if (names is not null && names.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add(field, "Custom field names cannot be empty.");
        }
    }
}
