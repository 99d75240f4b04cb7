using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using Orleans.Storage;
using SlaGrains.Contracts;
using SlaGrains.Contracts.Catalog;
using SlaGrains.Contracts.Serialization;
using SlaGrains.Contracts.Webhooks;
using SlaGrains.Domain.Cases;
using SlaGrains.Domain.Validation;

namespace SlaGrains.Grains.Webhooks;

/// <summary>
/// One webhook: a durable outbox with exponential backoff. A notice is stored before <see cref="Enqueue"/> returns, so
/// once a case has handed it over it survives restarts; storing it is all a case ever waits for, and it rewrites one
/// page of the outbox (<see cref="WebhookOutboxPages"/>), however many deliveries wait behind a failing receiver. A grain timer starts
/// due sends (at most <see cref="WebhookOptions.MaxConcurrency"/> at once) on the thread pool, outside the grain's turns,
/// and each reports back through <see cref="IWebhookOutbox.Completed"/>, so a receiver that never answers holds up
/// neither this grain's calls nor anyone else, and state writes stay one at a time. A one-minute reminder wakes the
/// webhook after a restart while anything is pending; it is unregistered when the outbox is empty.
/// </summary>
[GrainType("webhook")]
public sealed partial class WebhookGrain(
    [PersistentState("webhook", Grains.StorageNames.Sla)] IPersistentState<WebhookState> state,
    [FromKeyedServices(Grains.StorageNames.Sla)] IGrainStorage storage,
    WebhookSender sender,
    OutboundUrlPolicy policy,
    IOptions<WebhookOptions> options,
    TimeProvider clock,
    ILogger<WebhookGrain> logger) : Grain, IWebhookGrain, IWebhookOutbox, IRemindable
{
    private const string WakeReminder = "wake";
    private const int LogSize = 200;
    private const int DoneSize = 2000;
    private const int GaveUpKept = 200;
    private const int MaxFilterValues = 100;
    private static readonly Duration MaxOverlap = Duration.FromDays(7);

    // A send whose report never came back (the call failed) is forgotten after its timeout and this, and sent again.
    private static readonly Duration LostAfter = Duration.FromMinutes(1);

    private static IReadOnlyList<string> Types => SlaNotice.Types;

    private readonly Dictionary<string, Instant> _inFlight = new(StringComparer.Ordinal); // delivery id → when its send started
    private readonly HashSet<string> _done = new(StringComparer.Ordinal); // State.Done's ids: every notice is checked against them
    private WebhookOutboxPages _outbox = null!; // read on activation
    private IGrainTimer? _pump;
    private bool _wakeRegistered;
    private bool _reportedFull;

    private WebhookState State => state.State;
    private Instant Now => Instant.FromDateTimeOffset(clock.GetUtcNow());

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _done.UnionWith(State.Done);
        _outbox = new WebhookOutboxPages(storage, this.GetGrainId());
        await _outbox.Load(State.Pages);
        if (_outbox.Count > 0)
        {
            _wakeRegistered = true; // it was registered with the first pending delivery and is only removed with the last
            StartPump();
        }
    }

    public async Task<WriteResult<WebhookRecord>> Put(WebhookDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var errors = Validate(definition);
        if (!errors.IsValid)
        {
            return new WriteResult<WebhookRecord> { Errors = errors.ToDictionary() };
        }
        if (State.Definition == definition || (State.Definition is { } old && old.Url == definition.Url && old.Secret == definition.Secret &&
            old.Events!.SequenceEqual(definition.Events!) && DefinitionComparer.Same(old.Filters, definition.Filters)))
        {
            return new WriteResult<WebhookRecord> { Value = Record(), Unchanged = true };
        }
        if (State.Definition?.Secret != definition.Secret)
        {
            // A secret changed by a PUT takes over at once: only rotate-secret keeps the old one signing for a while.
            State.PreviousSecret = null;
            State.PreviousSecretUntil = null;
        }
        State.Definition = definition with { Events = [.. definition.Events!.Distinct(StringComparer.Ordinal)] };
        State.UpdatedAt = Now;
        await Write();
        await GrainFactory.GetGrain<ICatalogGrain>(ICatalogGrain.Webhooks).Add(this.GetPrimaryKeyString());
        return new WriteResult<WebhookRecord> { Value = Record() };
    }

    public Task<WebhookRecord?> Read() => Task.FromResult(State.Definition is null ? null : Record());

    public async Task<DeleteResult> Delete()
    {
        if (State.Definition is null)
        {
            return DeleteResult.NotFound;
        }
        await Stored(_outbox.Clear());
        _inFlight.Clear(); // their reports find no pending delivery and are dropped
        _done.Clear();
        state.State = new WebhookState();
        await Write();
        await StopWhenEmpty();
        await GrainFactory.GetGrain<ICatalogGrain>(ICatalogGrain.Webhooks).Remove(this.GetPrimaryKeyString());
        return DeleteResult.Deleted;
    }

    public async Task Enqueue(SlaNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        if (State.Definition?.Events is not { } events || !events.Contains(notice.Type) || !Passes(State.Definition.Filters, notice) ||
            _done.Contains(notice.DeliveryId) || _outbox.Contains(notice.DeliveryId))
        {
            return;
        }
        if (_outbox.Count >= options.Value.MaxPending)
        {
            // The receiver has been failing for long enough to fill the outbox: a bounded outbox keeps every write
            // (and so every case's hand-over) small; the notice is logged as given up, never silently dropped.
            Finish(notice.DeliveryId);
            KeepGaveUp(new PendingDelivery(notice.DeliveryId, notice.Type, notice.CaseId, JsonSerializer.Serialize(notice, SlaJson.Options), 0, Now, Now));
            AddToLog(new WebhookAttempt
            {
                DeliveryId = notice.DeliveryId, Type = notice.Type, CaseId = notice.CaseId, Attempt = 0, At = Now, Outcome = "gaveUp",
                Error = $"the outbox was full ({options.Value.MaxPending} deliveries pending, {WebhookOptions.Section}:MaxPending)",
            });
            if (!_reportedFull)
            {
                _reportedFull = true;
                LogOutboxFull(this.GetPrimaryKeyString(), options.Value.MaxPending);
            }
            // Not written now: the log line is stored with the next write of the head (the next attempt's result), so a
            // full outbox costs intake no writes; a notice refused twice is logged twice, never delivered.
            return;
        }
        var body = JsonSerializer.Serialize(notice, SlaJson.Options);
        // The page first: the head lists a page only once it is stored.
        if (await Stored(_outbox.Append(new PendingDelivery(notice.DeliveryId, notice.Type, notice.CaseId, body, 0, Now, Now))))
        {
            await Write();
        }
        if (!_wakeRegistered)
        {
            await this.RegisterOrUpdateReminder(WakeReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
            _wakeRegistered = true;
        }
        StartPump();
    }

    public async Task<WebhookRecord?> SetPaused(bool paused)
    {
        if (State.Definition is null)
        {
            return null;
        }
        if (State.Paused != paused)
        {
            State.Paused = paused;
            await Write();
        }
        return Record();
    }

    public async Task<RedeliveryOutcome> Redeliver(string deliveryId)
    {
        if (State.Definition is null)
        {
            return RedeliveryOutcome.NoWebhook;
        }
        var index = State.GaveUp.FindLastIndex(d => d.DeliveryId == deliveryId);
        if (index < 0)
        {
            return _outbox.Contains(deliveryId) || State.Log.Any(a => a.DeliveryId == deliveryId) ? RedeliveryOutcome.NotGivenUp : RedeliveryOutcome.NoDelivery;
        }
        var delivery = State.GaveUp[index] with { Attempts = 0, NextAttemptAt = Now, QueuedAt = Now };
        await Stored(_outbox.Append(delivery));
        State.GaveUp.RemoveAt(index);
        _done.Remove(deliveryId);
        State.Done.Remove(deliveryId);
        await Write();
        if (!_wakeRegistered)
        {
            await this.RegisterOrUpdateReminder(WakeReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
            _wakeRegistered = true;
        }
        StartPump();
        return RedeliveryOutcome.Queued;
    }

    public async Task<WriteResult<WebhookRecord>> RotateSecret(string? secret, long overlapSeconds)
    {
        if (State.Definition is not { } definition)
        {
            return new WriteResult<WebhookRecord>();
        }
        var errors = new ValidationErrors();
        if (secret is not { Length: >= 16 })
        {
            errors.Add("secret", "Give a secret of at least 16 characters; it signs every delivery.");
        }
        else if (secret == definition.Secret)
        {
            errors.Add("secret", "This is the secret already in use; give a new one.");
        }
        if (overlapSeconds < 0 || overlapSeconds > MaxOverlap.TotalSeconds)
        {
            errors.Add("overlapSeconds", $"overlapSeconds is 0 to {MaxOverlap.TotalSeconds:0} (7 days).");
        }
        if (!errors.IsValid)
        {
            return new WriteResult<WebhookRecord> { Errors = errors.ToDictionary() };
        }
        State.PreviousSecret = overlapSeconds > 0 ? definition.Secret : null;
        State.PreviousSecretUntil = overlapSeconds > 0 ? Now + Duration.FromSeconds(overlapSeconds) : null;
        State.Definition = definition with { Secret = secret };
        State.UpdatedAt = Now;
        await Write();
        return new WriteResult<WebhookRecord> { Value = Record() };
    }

    public Task<IReadOnlyList<WebhookAttempt>> Deliveries(int limit) =>
        Task.FromResult<IReadOnlyList<WebhookAttempt>>([.. Enumerable.Reverse(State.Log).Take(Math.Max(0, limit))]);

    public async Task Completed(DeliveryResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        _inFlight.Remove(result.DeliveryId);
        // Only the attempt that is pending counts: a report from a send this activation no longer waits for is dropped.
        if (_outbox.Find(result.DeliveryId) is { } pending && pending.Attempts == result.Attempt - 1)
        {
            await RecordAttempt(pending, result);
        }
        await StopWhenEmpty();
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        _wakeRegistered = true;
        if (_outbox.Count > 0)
        {
            StartPump(); // activation already started it; this tick exists to cause the activation
        }
        else
        {
            await StopWhenEmpty();
        }
    }

    private void StartPump()
    {
        var tick = options.Value.RetryBaseDelay < TimeSpan.FromSeconds(1) ? options.Value.RetryBaseDelay : TimeSpan.FromSeconds(1);
        // KeepAlive: while deliveries are pending the activation stays, so their sends' reports find it.
        _pump ??= this.RegisterGrainTimer(Pump, new GrainTimerCreationOptions { DueTime = TimeSpan.Zero, Period = tick, KeepAlive = true });
    }

    private async Task Pump(CancellationToken cancellationToken)
    {
        var now = Now;
        foreach (var lost in _inFlight.Where(f => f.Value + Duration.FromTimeSpan(options.Value.Timeout) + LostAfter < now).Select(f => f.Key).ToList())
        {
            _inFlight.Remove(lost);
        }
        if (State.Definition is { } definition && !State.Paused)
        {
            var outbox = this.AsReference<IWebhookOutbox>();
            var previousSecret = State.PreviousSecretUntil > now ? State.PreviousSecret : null;
            // Retries stay in their pages' places; sending follows when each was stored or last failed, oldest first.
            var due = _outbox.Deliveries.Where(p => p.NextAttemptAt <= now && !_inFlight.ContainsKey(p.DeliveryId)).OrderBy(p => p.QueuedAt);
            foreach (var pending in due)
            {
                if (_inFlight.Count >= options.Value.MaxConcurrency)
                {
                    break;
                }
                _inFlight[pending.DeliveryId] = now;
                // Task.Run leaves the grain's scheduler: the send runs on the thread pool and reports back as a grain call.
                _ = Task.Run(() => SendAndReport(outbox, definition, previousSecret, pending), CancellationToken.None);
            }
        }
        await StopWhenEmpty();
    }

    private async Task SendAndReport(IWebhookOutbox outbox, WebhookDefinition definition, string? previousSecret, PendingDelivery pending)
    {
        var result = await sender.Send(definition, pending, previousSecret);
        try
        {
            await outbox.Completed(result);
        }
        catch (Exception ex)
        {
            // The delivery stays pending; the grain forgets this send after its timeout and sends it again.
            LogReportFailed(ex, pending.DeliveryId);
        }
    }

    private async Task StopWhenEmpty()
    {
        if (_outbox.Count > 0 || _inFlight.Count > 0)
        {
            return;
        }
        _reportedFull = false;
        if (_wakeRegistered)
        {
            if (await this.GetReminder(WakeReminder) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }
            _wakeRegistered = false;
        }
        _pump?.Dispose(); // last: this may be the timer's own callback, whose token disposing cancels
        _pump = null;
    }

    /// <summary>Rewrites the delivery's page, then the head (the attempt log, the done list, the live pages).</summary>
    private async Task RecordAttempt(PendingDelivery pending, DeliveryResult result)
    {
        var delivered = result.StatusCode is >= 200 and < 300;
        var gaveUp = !delivered && result.Attempt >= options.Value.MaxAttempts;
        Instant? next = null;
        if (delivered || gaveUp)
        {
            await Stored(_outbox.Remove(pending.DeliveryId));
            Finish(pending.DeliveryId);
            if (gaveUp)
            {
                KeepGaveUp(pending with { Attempts = result.Attempt });
            }
        }
        else
        {
            next = Now + Duration.FromTimeSpan(options.Value.DelayAfter(result.Attempt));
            await Stored(_outbox.Replace(pending with { Attempts = result.Attempt, NextAttemptAt = next.Value, QueuedAt = Now }));
            LogRetry(pending.DeliveryId, result.Attempt, result.StatusCode, result.Error);
        }
        AddToLog(new WebhookAttempt
        {
            DeliveryId = pending.DeliveryId,
            Type = pending.Type,
            CaseId = pending.CaseId,
            Attempt = result.Attempt,
            At = Now,
            StatusCode = result.StatusCode,
            Outcome = delivered ? "delivered" : gaveUp ? "gaveUp" : "retrying",
            Error = result.Error,
            NextAttemptAt = next,
        });
        await Write();
    }

    private void Finish(string deliveryId)
    {
        if (!_done.Add(deliveryId))
        {
            return;
        }
        State.Done.Add(deliveryId);
        if (State.Done.Count > DoneSize)
        {
            _done.ExceptWith(State.Done.Take(State.Done.Count - DoneSize));
            State.Done.RemoveRange(0, State.Done.Count - DoneSize);
        }
    }

    private void KeepGaveUp(PendingDelivery delivery)
    {
        State.GaveUp.Add(delivery);
        if (State.GaveUp.Count > GaveUpKept)
        {
            State.GaveUp.RemoveRange(0, State.GaveUp.Count - GaveUpKept);
        }
    }

    /// <summary>An empty or missing filter list lets everything through; a notice without a queue or process passes no list.</summary>
    private static bool Passes(WebhookFilters? filters, SlaNotice notice) =>
        filters is null ||
        ((filters.Queues is not { Count: > 0 } queues || (notice.Queue is { } queue && queues.Contains(queue))) &&
         (filters.ProcessIds is not { Count: > 0 } processes || (notice.ProcessId is { } process && processes.Contains(process))));

    private void AddToLog(WebhookAttempt attempt)
    {
        State.Log.Add(attempt);
        if (State.Log.Count > LogSize)
        {
            State.Log.RemoveRange(0, State.Log.Count - LogSize);
        }
    }

    /// <summary>Writes the head, with the live page numbers as they are now.</summary>
    private Task Write()
    {
        State.Pages = _outbox.Numbers;
        return Stored(state.WriteStateAsync());
    }

    private async Task Stored(Task write)
    {
        try
        {
            await write;
        }
        catch
        {
            // Memory now holds what storage may not: the next call starts again from what is stored.
            DeactivateOnIdle();
            throw;
        }
    }

    private async Task<T> Stored<T>(Task<T> write)
    {
        await Stored((Task)write);
        return await write;
    }

    private WebhookRecord Record() =>
        new(this.GetPrimaryKeyString(), State.Definition!.Url!, State.Definition.Events!, State.UpdatedAt, _outbox.Count,
            State.Definition.Filters, State.Paused, State.PreviousSecretUntil > Now ? State.PreviousSecretUntil : null);

    private ValidationErrors Validate(WebhookDefinition definition)
    {
        var errors = new ValidationErrors();
        if (policy.Refusal(definition.Url) is { } refusal)
        {
            errors.Add("url", refusal);
        }
        if (definition.Events is not { Count: > 0 } events)
        {
            errors.Add("events", $"Subscribe to at least one of {string.Join(", ", Types)}.");
        }
        else if (events.FirstOrDefault(e => !Types.Contains(e)) is { } unknown)
        {
            errors.Add("events", $"'{unknown}' is not an event type; use {string.Join(", ", Types)}.");
        }
        if (definition.Secret is not { Length: >= 16 })
        {
            errors.Add("secret", "Give a secret of at least 16 characters; it signs every delivery.");
        }
        CheckFilter(errors, "filters.queues", definition.Filters?.Queues, IdRules.IsQueueName, IdRules.QueueHint);
        CheckFilter(errors, "filters.processIds", definition.Filters?.ProcessIds, IdRules.IsId, IdRules.IdHint);
        return errors;
    }

    private static void CheckFilter(ValidationErrors errors, string field, IReadOnlyList<string>? values, Func<string?, bool> valid, string hint)
    {
        if (values is null)
        {
            return;
        }
        if (values.Count > MaxFilterValues)
        {
            errors.Add(field, $"At most {MaxFilterValues} values; this one has {values.Count}.");
            return;
        }
        for (var i = 0; i < values.Count; i++)
        {
            if (!valid(values[i]))
            {
                errors.Add($"{field}[{i}]", $"{IdRules.Quote(values[i])} is not valid: {hint}.");
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {DeliveryId} attempt {Attempt} failed (status {Status}, {Error}); retrying")]
    private partial void LogRetry(string deliveryId, int attempt, int? status, string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {WebhookId}'s outbox is full ({MaxPending} pending); new notices are logged as given up until it drains")]
    private partial void LogOutboxFull(string webhookId, int maxPending);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The result of delivery {DeliveryId} could not be recorded; it is sent again")]
    private partial void LogReportFailed(Exception ex, string deliveryId);
}
