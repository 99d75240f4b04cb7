using NodaTime;
using SlaGrains.Domain.Cases;

namespace SlaGrains.Host.Api;

/// <summary>
/// A case event as integrations send it (docs/api.md, "Cases"): everything optional at the JSON level, so a missing field
/// gets a 400 naming it rather than a parse error. <see cref="CaseId"/> is used by the batch endpoint only.
/// </summary>
public sealed record EventRequest
{
    public string? CaseId { get; init; }
    public string? EventId { get; init; }
    public CaseEventType? Type { get; init; }
    public Instant? OccurredAt { get; init; }
    public CaseFields? Case { get; init; }
    public CaseChanges? Changes { get; init; }
    public bool? Public { get; init; }
    public string? Milestone { get; init; }

    /// <summary>For <c>taskCompleted</c>: <c>{"taskId": "…"}</c>, the task as the case's snapshot lists it.</summary>
    public TaskDetails? Task { get; init; }

    private static readonly string TypeMissing =
        $"Give the event type: {string.Join(", ", CaseEventTypes.Sendable.SkipLast(1).Select(CaseEventTypes.Name))} or {CaseEventTypes.Name(CaseEventTypes.Sendable[^1])}.";

    /// <summary>
    /// The engine's event, with <c>occurredAt</c> defaulting to the time of receipt and the sender the host
    /// authenticated as its actor; or the errors by field.
    /// </summary>
    public (CaseEvent? Event, Dictionary<string, string[]> Errors) ToEvent(Instant receivedAt, EventActor actor)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(EventId))
        {
            errors["eventId"] = ["Give every event an id, unique within its case, so a retry is not applied twice."];
        }
        if (Type is null)
        {
            errors["type"] = [TypeMissing];
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        return (new CaseEvent
        {
            EventId = EventId!,
            Type = Type!.Value,
            OccurredAt = OccurredAt ?? receivedAt,
            Assigned = OccurredAt is null ? [CaseEventReplay.AssignedOccurredAt] : null,
            Case = Case,
            Changes = Changes,
            Public = Public,
            Milestone = Milestone,
            Task = Task,
            Actor = actor,
        }, errors);
    }
}
