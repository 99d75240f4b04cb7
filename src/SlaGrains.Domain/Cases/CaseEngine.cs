using NodaTime;
using SlaGrains.Domain.Processes;
using SlaGrains.Domain.Validation;

namespace SlaGrains.Domain.Cases;

/// <summary>
/// The SLA rules of one case, free of storage and Orleans: given its history and definitions (<see
/// cref="CaseTimelineInput"/>), what has already fired, and now, it says what the case is (the evaluation), which
/// notifications fire with which effects, and the events those effects cause. It keeps its fold (<see cref="CaseFold"/>)
/// between calls, so a caller that sees events one by one appends them instead of folding the history again.
/// </summary>
public sealed class CaseEngine
{
    /// <summary>Escalations can change criteria and start milestones whose deadlines have passed too; this bounds the loop.</summary>
    public const int MaxEscalationRounds = 16;

    private readonly CaseFold _fold;

    /// <summary>Folds <see cref="CaseTimelineInput.Events"/> (in arrival order, ids distinct).</summary>
    public CaseEngine(CaseTimelineInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Input = input;
        _fold = new CaseFold(input);
        foreach (var e in CaseTimeline.InHistoryOrder(input.Events))
        {
            _fold.Append(e);
        }
    }

    public CaseTimelineInput Input { get; }

    /// <summary>How many events the engine has folded.</summary>
    public int Count => _fold.Count;

    /// <summary>The entitlement the case asks for admission (the first its history names); null while it names none.</summary>
    public NamedEntitlement? NamedEntitlement => _fold.NamedEntitlement;

    /// <summary>When the case was last closed, while it is closed; null while it is open.</summary>
    public Instant? ClosedSince => _fold.ClosedSince;

    /// <summary>The process version the case runs on now: the one it entered, or the last it was moved to.</summary>
    public ProcessVersion? ProcessVersion => _fold.ProcessVersion;

    /// <summary>Folds one more event (of a distinct id) in its place in history.</summary>
    public void Append(CaseEvent e) => _fold.Append(e);

    /// <summary>
    /// The case as of <paramref name="asOf"/>. Its <see cref="CaseEvaluation.Milestone"/> and <see
    /// cref="CaseEvaluation.Instances"/> answer for the engine as it stands: read them before appending.
    /// </summary>
    public CaseEvaluation Evaluate(Instant asOf) => _fold.Evaluate(asOf);

    /// <summary>
    /// Fires every notification due by <paramref name="now"/> whose id is not in <paramref name="fired"/>, oldest
    /// first (ties by id), and folds in the escalations they cause, which may make more notifications due: fire,
    /// escalate and evaluate again, at most <see cref="MaxEscalationRounds"/> times. Settling again with the ids it
    /// fired added to <paramref name="fired"/> fires nothing.
    /// </summary>
    public CaseSettlement Settle(Instant now, IReadOnlySet<string> fired)
    {
        ArgumentNullException.ThrowIfNull(fired);
        // Most settlements fire nothing: the lists are made only once something is due.
        List<PendingNotification>? firedNow = null;
        HashSet<string>? firedIds = null;
        List<FiredNotice>? notices = null;
        List<CaseEvent>? events = null;
        for (var round = 0; ; round++)
        {
            var evaluation = Evaluate(now);
            List<PendingNotification>? due = null;
            foreach (var n in evaluation.Notifications)
            {
                if (n.DueAt <= now && !fired.Contains(n.Id) && firedIds?.Contains(n.Id) != true)
                {
                    (due ??= []).Add(n);
                }
            }
            if (due is null || round == MaxEscalationRounds)
            {
                return Settlement(evaluation);
            }
            due.Sort(static (a, b) => a.DueAt != b.DueAt ? a.DueAt.CompareTo(b.DueAt) : string.CompareOrdinal(a.Id, b.Id));

            firedNow ??= [];
            firedIds ??= new HashSet<string>(StringComparer.Ordinal);
            notices ??= [];
            events ??= [];
            var escalated = events.Count;
            foreach (var notification in due)
            {
                firedIds.Add(notification.Id);
                firedNow.Add(notification);
                Fire(notification, evaluation, notices, events);
            }
            if (events.Count == escalated)
            {
                return Settlement(evaluation);
            }
            // Appended once every notice of the round is built: the evaluation may read the live fold.
            // Tasks and field updates are folded like escalations: a field update may start or cancel milestones.
            for (var i = escalated; i < events.Count; i++)
            {
                _fold.Append(events[i]);
            }
        }

        CaseSettlement Settlement(CaseEvaluation evaluation) =>
            new(evaluation, firedNow ?? [], notices ?? [], events ?? [], Owed(evaluation, fired, firedIds));
    }

    /// <summary>
    /// What each action of a fired notification means: the one place that says it. Its notice goes to live
    /// subscribers always, to webhooks when an action says <c>webhook</c>. Actions that change the case become events
    /// with stable ids <c>{notificationId}/{type}/{n}</c> (n counts that type's actions of the notification): each
    /// <c>escalate</c> an <c>escalated</c> event and a <c>case.escalated</c> notice, each <c>fieldUpdate</c> a
    /// <c>fieldUpdated</c> event, each <c>task</c> a <c>taskCreated</c> event. Each <c>email</c> is rendered into the
    /// notice's <see cref="FiredNotice.Emails"/>, id <c>{notificationId}/email/{n}</c>.
    /// </summary>
    private static void Fire(PendingNotification notification, CaseEvaluation evaluation, List<FiredNotice> notices, List<CaseEvent> events)
    {
        var snapshot = evaluation.Snapshot;
        var milestone = evaluation.Milestone(notification.MilestoneId)!; // its own instance: always there
        var fields = evaluation.Fold?.Fields ?? new CaseFields();
        var notice = Notice(notification.Id, SlaNotice.TypeOf(notification.Kind), notification, snapshot, milestone) with { Late = notification.Late };
        var toWebhooks = false;
        var first = events.Count;
        int escalations = 0, updates = 0, tasks = 0;
        List<EmailAlert>? emails = null;
        foreach (var action in notification.Actions)
        {
            switch (action.Type)
            {
                case ActionType.Webhook:
                    toWebhooks = true;
                    break;
                case ActionType.Notify:
                    break; // every notice already reaches the case's and its queue's live subscribers (docs/semantics.md)
                case ActionType.Escalate:
                    events.Add(Caused(notification, $"escalate/{escalations++}", CaseEventType.Escalated) with { Changes = FieldUpdates.ToChanges(action) });
                    break;
                case ActionType.FieldUpdate:
                    events.Add(Caused(notification, $"fieldUpdate/{updates++}", CaseEventType.FieldUpdated) with { Changes = FieldUpdates.ToChanges(action) });
                    break;
                case ActionType.Task:
                    var task = Caused(notification, $"task/{tasks++}", CaseEventType.TaskCreated);
                    events.Add(task with
                    {
                        Task = new TaskDetails
                        {
                            TaskId = task.EventId,
                            Subject = ActionTemplate.Render(action.Subject ?? "", fields, notice, singleLine: true),
                            DueAt = notification.DueAt + Duration.FromMinutes(action.DueInMinutes ?? 0),
                            Milestone = notification.MilestoneId,
                        },
                    });
                    break;
                case ActionType.Email:
                    var (addresses, owners, unresolved) = EmailRecipients.Resolve(action.To ?? [], fields);
                    (emails ??= []).Add(new EmailAlert
                    {
                        Id = $"{notification.Id}/email/{emails.Count}",
                        CaseId = snapshot.CaseId,
                        Addresses = addresses,
                        Owners = owners,
                        Unresolved = unresolved,
                        Subject = ActionTemplate.Render(action.Subject ?? "", fields, notice, singleLine: true),
                        Body = ActionTemplate.Render(action.Body ?? "", fields, notice, singleLine: false),
                    });
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(notification), action.Type, "An action type without a meaning.");
            }
        }
        notices.Add(new FiredNotice(notice, toWebhooks, emails));
        for (var i = first; i < events.Count; i++)
        {
            if (events[i].Type == CaseEventType.Escalated)
            {
                notices.Add(new FiredNotice(
                    Notice(events[i].EventId, SlaNotice.CaseEscalated, notification, snapshot, milestone) with { Changes = events[i].Changes },
                    ToWebhooks: true));
            }
        }
    }

    /// <summary>The notice of <paramref name="notification"/> about the case and milestone as they stand when it fires.</summary>
    private static SlaNotice Notice(string deliveryId, string type, PendingNotification notification, CaseSnapshot snapshot, MilestoneSnapshot milestone) => new()
    {
        DeliveryId = deliveryId,
        Type = type,
        OccurredAt = notification.DueAt,
        CaseId = snapshot.CaseId,
        Queue = snapshot.Queue,
        Owner = snapshot.Owner,
        ProcessId = snapshot.ProcessId,
        Milestone = milestone,
    };

    /// <summary>An event the case writes because <paramref name="notification"/> fired, at its instant, with a stable id.</summary>
    private static CaseEvent Caused(PendingNotification notification, string suffix, CaseEventType type) => new()
    {
        EventId = $"{notification.Id}/{suffix}",
        Type = type,
        OccurredAt = notification.DueAt,
        NotificationId = notification.Id,
    };

    /// <summary>
    /// Why the case refuses a <c>taskCompleted</c> event (<c>task.taskId</c> names no task of the case, or the event
    /// claims to precede the task); no errors for any other event. A task completed again is accepted and changes nothing.
    /// </summary>
    public ValidationErrors CheckTask(CaseEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var errors = new ValidationErrors();
        if (e.Type != CaseEventType.TaskCompleted || e.Task?.TaskId is not { } id)
        {
            return errors;
        }
        if (_fold.Tasks.FirstOrDefault(t => t.TaskId == id) is not { } task)
        {
            errors.Add("task.taskId", $"The case has no task {IdRules.Quote(id)}; its snapshot lists its tasks.");
        }
        else if (e.OccurredAt < task.CreatedAt)
        {
            errors.Add("occurredAt", $"The task was created at {task.CreatedAt}; it cannot be completed before that.");
        }
        return errors;
    }

    /// <summary>Per milestone instance that still owes a notification, when its earliest one falls due.</summary>
    private static Dictionary<string, Instant> Owed(CaseEvaluation evaluation, IReadOnlySet<string> fired, HashSet<string>? firedNow)
    {
        var owed = new Dictionary<string, Instant>(StringComparer.Ordinal);
        foreach (var n in evaluation.Notifications)
        {
            if (!fired.Contains(n.Id) && firedNow?.Contains(n.Id) != true &&
                (!owed.TryGetValue(n.MilestoneId, out var earliest) || n.DueAt < earliest))
            {
                owed[n.MilestoneId] = n.DueAt;
            }
        }
        return owed;
    }

    /// <summary>
    /// The decision the case keeps from its entitlement's admission: when matching chose the entitlement the
    /// <c>opened</c> event names, the reason says why it matched before what the entitlement answered.
    /// </summary>
    public static EntitlementDecision Decide(EntitlementDecision admission, NamedEntitlement named, string? matchReason)
    {
        ArgumentNullException.ThrowIfNull(admission);
        ArgumentNullException.ThrowIfNull(named);
        return matchReason is not null && named.ByOpened ? admission with { Reason = $"{matchReason} {admission.Reason}" } : admission;
    }

    /// <summary>
    /// The open or violated milestone whose target is nearest: what a queue row shows as the deadline. A target
    /// beyond the supported range (null) is never nearer than a real one; MinBy ignores null keys.
    /// </summary>
    public static MilestoneSnapshot? NearestOpenMilestone(CaseSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return snapshot.Milestones
            .Where(m => m.Status is MilestoneStatus.InProgress or MilestoneStatus.Paused or MilestoneStatus.Violated)
            .MinBy(m => m.TargetAt);
    }

    /// <summary>When a running milestone clock next starts or stops by its calendar; null when none will.</summary>
    public static Instant? NextClockChange(CaseSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        Instant? next = null;
        foreach (var m in snapshot.Milestones)
        {
            if (m.NextClockChangeAt is { } at && (next is null || at < next))
            {
                next = at;
            }
        }
        return next;
    }
}
