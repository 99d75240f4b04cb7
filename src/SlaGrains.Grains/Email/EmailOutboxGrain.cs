using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using SlaGrains.Contracts.Email;
using SlaGrains.Domain.Cases;

namespace SlaGrains.Grains.Email;

/// <summary>
/// The cluster's email outbox, durable and retried like a webhook's (docs/semantics.md, "Actions"): an alert is stored
/// before <see cref="Enqueue"/> returns, sent by a grain timer, retried with exponential backoff, and its id kept once
/// it is sent or given up, so an alert handed over again (a case retrying after a failover) is not sent twice. The
/// timer interleaves with <see cref="Enqueue"/>, so a slow SMTP server never holds up a case's hand-over; writes go one
/// at a time through a gate. A one-minute reminder wakes the outbox after a restart while anything is pending.
/// </summary>
[GrainType("email-outbox")]
public sealed partial class EmailOutboxGrain(
    [PersistentState("email-outbox", StorageNames.Sla)] IPersistentState<EmailOutboxState> state,
    IEmailSender sender,
    IOwnerEmails owners,
    IOptions<EmailOptions> options,
    TimeProvider clock,
    ILogger<EmailOutboxGrain> logger) : Grain, IEmailOutboxGrain, IRemindable, IDisposable
{
    private const string WakeReminder = "wake";
    private const int DoneSize = 2_000; // as a webhook's: the whole state is written with each send, and a re-handed alert comes within minutes
    private const int LogSize = 200;
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    private readonly HashSet<string> _done = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _writing = new(1, 1);
    private IGrainTimer? _pump;
    private bool _wakeRegistered;

    private EmailOutboxState State => state.State;
    private Instant Now => Instant.FromDateTimeOffset(clock.GetUtcNow());

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _done.UnionWith(State.Done);
        if (State.Pending.Count > 0)
        {
            _wakeRegistered = true; // registered with the first pending alert, removed only with the last
            StartPump();
        }
        return Task.CompletedTask;
    }

    public async Task Enqueue(IReadOnlyList<EmailAlert> alerts)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        var added = false;
        foreach (var alert in alerts)
        {
            if (!_done.Contains(alert.Id) && !State.Pending.Exists(p => p.Alert.Id == alert.Id))
            {
                State.Pending.Add(new PendingEmail { Alert = alert, NextAttemptAt = Now });
                added = true;
            }
        }
        if (!added)
        {
            return;
        }
        await Write();
        if (!_wakeRegistered)
        {
            _wakeRegistered = true;
            await this.RegisterOrUpdateReminder(WakeReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        }
        StartPump();
    }

    public Task<IReadOnlyList<EmailAttempt>> Log(int limit) =>
        Task.FromResult<IReadOnlyList<EmailAttempt>>([.. Enumerable.Reverse(State.Log).Take(Math.Max(0, limit))]);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        _wakeRegistered = true;
        if (State.Pending.Count > 0)
        {
            StartPump(); // activation already started it; this tick exists to cause the activation
        }
        else
        {
            await StopWhenEmpty();
        }
    }

    public void Dispose() => _writing.Dispose();

    private void StartPump() =>
        _pump ??= this.RegisterGrainTimer(Pump, new GrainTimerCreationOptions { DueTime = TimeSpan.Zero, Period = Tick, KeepAlive = true, Interleave = true });

    private async Task Pump(CancellationToken cancellationToken)
    {
        var now = Now;
        foreach (var pending in State.Pending.Where(p => p.NextAttemptAt <= now).ToList())
        {
            await Attempt(pending, cancellationToken);
        }
        await StopWhenEmpty();
    }

    private async Task Attempt(PendingEmail pending, CancellationToken cancellationToken)
    {
        var alert = pending.Alert;
        var attempt = pending.Attempts + 1;
        var to = new List<string>(alert.Addresses);
        var unresolved = new List<string>(alert.Unresolved);
        foreach (var owner in alert.Owners)
        {
            if (await owners.FindAddress(owner, cancellationToken) is { } address && EmailRecipients.IsAddress(address))
            {
                to.Add(address);
            }
            else
            {
                unresolved.Add($"owner {owner}: no email address");
            }
        }
        var missing = unresolved.Count > 0 ? $"not sent to {string.Join("; ", unresolved)}" : null;
        try
        {
            if (to.Count == 0)
            {
                throw new EmailRefusedException($"No recipient: {missing}.");
            }
            await sender.Send(alert, to, cancellationToken);
            Finish(alert, new EmailAttempt { AlertId = alert.Id, CaseId = alert.CaseId, Attempt = attempt, At = Now, Outcome = "sent", Error = missing, To = to });
        }
        catch (EmailRefusedException ex)
        {
            LogGaveUp(alert.Id, ex.Message);
            Finish(alert, new EmailAttempt { AlertId = alert.Id, CaseId = alert.CaseId, Attempt = attempt, At = Now, Outcome = "gaveUp", Error = ex.Message, To = to });
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            if (attempt >= options.Value.MaxAttempts)
            {
                LogGaveUp(alert.Id, ex.Message);
                Finish(alert, new EmailAttempt { AlertId = alert.Id, CaseId = alert.CaseId, Attempt = attempt, At = Now, Outcome = "gaveUp", Error = ex.Message, To = to });
            }
            else
            {
                var index = State.Pending.FindIndex(p => p.Alert.Id == alert.Id);
                State.Pending[index] = pending with { Attempts = attempt, NextAttemptAt = Now + Duration.FromTimeSpan(options.Value.DelayAfter(attempt)) };
                AddToLog(new EmailAttempt { AlertId = alert.Id, CaseId = alert.CaseId, Attempt = attempt, At = Now, Outcome = "failed", Error = ex.Message, To = to });
            }
        }
        await Write();
    }

    private void Finish(EmailAlert alert, EmailAttempt result)
    {
        State.Pending.RemoveAll(p => p.Alert.Id == alert.Id);
        _done.Add(alert.Id);
        State.Done.Add(alert.Id);
        if (State.Done.Count > DoneSize)
        {
            _done.Remove(State.Done[0]);
            State.Done.RemoveAt(0);
        }
        AddToLog(result);
    }

    private void AddToLog(EmailAttempt attempt)
    {
        State.Log.Add(attempt);
        if (State.Log.Count > LogSize)
        {
            State.Log.RemoveAt(0);
        }
    }

    private async Task StopWhenEmpty()
    {
        if (State.Pending.Count > 0)
        {
            return;
        }
        _pump?.Dispose();
        _pump = null;
        if (_wakeRegistered)
        {
            _wakeRegistered = false;
            if (await this.GetReminder(WakeReminder) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }
            if (State.Pending.Count > 0 && !_wakeRegistered)
            {
                // An alert arrived while the reminder was being removed: it needs its wake-up back.
                _wakeRegistered = true;
                await this.RegisterOrUpdateReminder(WakeReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
            }
        }
    }

    /// <summary>Stores the whole state; the pump interleaves with <see cref="Enqueue"/>, so writes wait their turn.</summary>
    private async Task Write()
    {
        await _writing.WaitAsync();
        try
        {
            await state.WriteStateAsync();
        }
        finally
        {
            _writing.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email alert {AlertId} was given up: {Reason}")]
    private partial void LogGaveUp(string alertId, string reason);
}
