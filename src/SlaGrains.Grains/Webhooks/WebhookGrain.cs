using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using Orleans.Storage;
using SlaGrains.Contracts;
using SlaGrains.Contracts.Catalog;
using SlaGrains.Contracts.Webhooks;
using SlaGrains.Domain.Cases;

namespace SlaGrains.Grains.Webhooks;

/// <summary>
/// One webhook: a durable outbox with exponential backoff. A notice is stored before <see cref="Enqueue"/> returns, so
/// once a case has handed it over it survives restarts; storing it is all a case ever waits for, and it rewrites one
/// page of the outbox (<see cref="WebhookOutboxPages"/>), however many deliveries wait behind a failing receiver. Due sends
/// start (at most <see cref="WebhookOptions.MaxConcurrency"/> at once) on the thread pool, outside the grain's turns, when a
/// delivery is stored, when a send reports back through <see cref="IWebhookOutbox.Completed"/> and on a grain timer's
/// tick (retries falling due), so a burst drains as fast as the receiver answers, and a receiver that never answers holds up
/// neither this grain's calls nor anyone else, and state writes stay one at a time. A one-minute reminder wakes the
/// webhook after a restart while anything is pending; it is unregistered when the outbox is empty. What a subscription
/// accepts is <see cref="WebhookSubscription"/>'s to say, the outbox's bookkeeping <see cref="WebhookDeliveries"/>'s;
/// this grain keeps the Orleans work: activation, timer, reminder, the sends and the order of writes.
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

    private WebhookSubscription _subscription = null!; // made on activation
    private WebhookDeliveries _deliveries = null!;
    private IGrainTimer? _pump;
    private bool _wakeRegistered;

    private WebhookState State => state.State;
    private Instant Now => Instant.FromDateTimeOffset(clock.GetUtcNow());
    private string WebhookId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _subscription = new WebhookSubscription(state, policy);
        _deliveries = new WebhookDeliveries(state, new WebhookOutboxPages(storage, this.GetGrainId()), options.Value, Write, logger);
        await _deliveries.Load();
        if (_deliveries.Pending > 0)
        {
            _wakeRegistered = true; // it was registered with the first pending delivery and is only removed with the last
            StartPump();
        }
    }

    public async Task<WriteResult<WebhookRecord>> Put(WebhookDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var errors = _subscription.Check(definition);
        if (!errors.IsValid)
        {
            return new WriteResult<WebhookRecord> { Errors = errors.ToDictionary() };
        }
        if (_subscription.Same(definition))
        {
            return new WriteResult<WebhookRecord> { Value = Record(), Unchanged = true };
        }
        _subscription.Apply(definition, Now);
        await Write();
        await GrainFactory.GetGrain<ICatalogGrain>(ICatalogGrain.Webhooks).Add(WebhookId);
        return new WriteResult<WebhookRecord> { Value = Record() };
    }

    public Task<WebhookRecord?> Read() => Task.FromResult(State.Definition is null ? null : Record());

    public async Task<DeleteResult> Delete()
    {
        if (State.Definition is null)
        {
            return DeleteResult.NotFound;
        }
        await Stored(_deliveries.Clear());
        state.State = new WebhookState();
        await Write();
        await StopWhenEmpty();
        await GrainFactory.GetGrain<ICatalogGrain>(ICatalogGrain.Webhooks).Remove(WebhookId);
        return DeleteResult.Deleted;
    }

    public async Task Enqueue(SlaNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        if (_subscription.Wants(notice) && await Stored(_deliveries.Add(notice, WebhookId, Now)))
        {
            await Wake();
        }
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
        var outcome = await Stored(_deliveries.Redeliver(deliveryId, Now));
        if (outcome == RedeliveryOutcome.Queued)
        {
            await Wake();
        }
        return outcome;
    }

    public async Task<WriteResult<WebhookRecord>> RotateSecret(string? secret, long overlapSeconds)
    {
        if (State.Definition is null)
        {
            return new WriteResult<WebhookRecord>();
        }
        var errors = _subscription.Rotate(secret, overlapSeconds, Now);
        if (!errors.IsValid)
        {
            return new WriteResult<WebhookRecord> { Errors = errors.ToDictionary() };
        }
        await Write();
        return new WriteResult<WebhookRecord> { Value = Record() };
    }

    public Task<IReadOnlyList<WebhookAttempt>> Deliveries(int limit) => Task.FromResult(_deliveries.Latest(limit));

    public async Task Completed(DeliveryResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        await Stored(_deliveries.Completed(result, Now));
        SendDue(); // its place in flight is free: a backlog drains as fast as the receiver answers, not one tick at a time
        await StopWhenEmpty();
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        _wakeRegistered = true;
        if (_deliveries.Pending > 0)
        {
            StartPump(); // activation already started it; this tick exists to cause the activation
        }
        else
        {
            await StopWhenEmpty();
        }
    }

    /// <summary>Something is pending: the reminder brings the webhook back after a restart, the timer sends.</summary>
    private async Task Wake()
    {
        if (!_wakeRegistered)
        {
            await this.RegisterOrUpdateReminder(WakeReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
            _wakeRegistered = true;
        }
        StartPump();
    }

    /// <summary>Sends what is due now, and keeps a timer ticking for what falls due later (retries) and sends lost in flight.</summary>
    private void StartPump()
    {
        SendDue();
        var tick = options.Value.RetryBaseDelay < TimeSpan.FromSeconds(1) ? options.Value.RetryBaseDelay : TimeSpan.FromSeconds(1);
        // KeepAlive: while deliveries are pending the activation stays, so their sends' reports find it.
        _pump ??= this.RegisterGrainTimer(Pump, new GrainTimerCreationOptions { DueTime = tick, Period = tick, KeepAlive = true });
    }

    private async Task Pump(CancellationToken cancellationToken)
    {
        SendDue();
        await StopWhenEmpty();
    }

    /// <summary>Starts the due sends the outbox allows now (<see cref="WebhookOptions.MaxConcurrency"/> in flight at most).</summary>
    private void SendDue()
    {
        var now = Now;
        var definition = State.Definition;
        var outbox = this.AsReference<IWebhookOutbox>();
        var previousSecret = _subscription.PreviousSecret(now);
        foreach (var pending in _deliveries.TakeDue(now, sending: definition is not null && !State.Paused))
        {
            // Task.Run leaves the grain's scheduler: the send runs on the thread pool and reports back as a grain call.
            _ = Task.Run(() => SendAndReport(outbox, definition!, previousSecret, pending), CancellationToken.None);
        }
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
        if (!_deliveries.Idle)
        {
            return;
        }
        _deliveries.Drained();
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

    /// <summary>Writes the head, with the live page numbers as they are now.</summary>
    private Task Write()
    {
        State.Pages = _deliveries.PageNumbers;
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

    private WebhookRecord Record() => _subscription.Record(WebhookId, _deliveries.Pending, Now);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The result of delivery {DeliveryId} could not be recorded; it is sent again")]
    private partial void LogReportFailed(Exception ex, string deliveryId);
}
