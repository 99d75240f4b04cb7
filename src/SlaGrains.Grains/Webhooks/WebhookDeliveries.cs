using System.Text.Json;
using Microsoft.Extensions.Logging;
using NodaTime;
using Orleans.Core;
using SlaGrains.Contracts.Serialization;
using SlaGrains.Contracts.Webhooks;
using SlaGrains.Domain.Cases;

namespace SlaGrains.Grains.Webhooks;

/// <summary>
/// A webhook's deliveries: the paged outbox, the sends in flight, each attempt's outcome and backoff, the attempt log,
/// the done list that keeps a notice from being sent twice, and the given-up deliveries that can be sent again. It
/// stores pages itself and the head through <paramref name="writeHead"/>; the grain owns timers, reminders and the sends.
/// </summary>
internal sealed partial class WebhookDeliveries(
    IStorage<WebhookState> state, WebhookOutboxPages outbox, WebhookOptions options, Func<Task> writeHead, ILogger logger)
{
    private const int LogSize = 200;
    private const int DoneSize = 2000;
    private const int GaveUpKept = 200;

    // A send whose report never came back (the call failed) is forgotten after its timeout and this, and sent again.
    private static readonly Duration LostAfter = Duration.FromMinutes(1);

    private readonly Dictionary<string, Instant> _inFlight = new(StringComparer.Ordinal); // delivery id → when its send started
    private readonly HashSet<string> _done = new(StringComparer.Ordinal); // State.Done's ids: every notice is checked against them
    private bool _reportedFull;

    private WebhookState State => state.State;

    public int Pending => outbox.Count;

    /// <summary>Nothing pending and nothing in flight: the grain can stop its timer and reminder.</summary>
    public bool Idle => outbox.Count == 0 && _inFlight.Count == 0;

    /// <summary>The live page numbers, for the head.</summary>
    public List<int> PageNumbers => outbox.Numbers;

    public async Task Load()
    {
        _done.UnionWith(State.Done);
        await outbox.Load(State.Pages);
    }

    /// <summary>
    /// Stores the notice for delivery; true when it is pending (the grain starts sending). A delivery id seen before is
    /// ignored; a notice beyond <see cref="WebhookOptions.MaxPending"/> is logged as given up instead (false).
    /// </summary>
    public async Task<bool> Add(SlaNotice notice, string webhookId, Instant now)
    {
        if (_done.Contains(notice.DeliveryId) || outbox.Contains(notice.DeliveryId))
        {
            return false;
        }
        var delivery = new PendingDelivery(notice.DeliveryId, notice.Type, notice.CaseId, JsonSerializer.Serialize(notice, SlaJson.Options), 0, now, now);
        if (outbox.Count >= options.MaxPending)
        {
            // The receiver has been failing for long enough to fill the outbox: a bounded outbox keeps every write
            // (and so every case's hand-over) small; the notice is logged as given up, never silently dropped.
            Finish(notice.DeliveryId);
            KeepGaveUp(delivery);
            AddToLog(new WebhookAttempt
            {
                DeliveryId = notice.DeliveryId, Type = notice.Type, CaseId = notice.CaseId, Attempt = 0, At = now, Outcome = "gaveUp",
                Error = $"the outbox was full ({options.MaxPending} deliveries pending, {WebhookOptions.Section}:MaxPending)",
            });
            if (!_reportedFull)
            {
                _reportedFull = true;
                LogOutboxFull(webhookId, options.MaxPending);
            }
            // Not written now: the log line is stored with the next write of the head (the next attempt's result), so a
            // full outbox costs intake no writes; a notice refused twice is logged twice, never delivered.
            return false;
        }
        // The page first: the head lists a page only once it is stored.
        if (await outbox.Append(delivery))
        {
            await writeHead();
        }
        return true;
    }

    /// <summary>Queues a delivery that gave up again, from attempt 1.</summary>
    public async Task<RedeliveryOutcome> Redeliver(string deliveryId, Instant now)
    {
        var index = State.GaveUp.FindLastIndex(d => d.DeliveryId == deliveryId);
        if (index < 0)
        {
            return outbox.Contains(deliveryId) || State.Log.Any(a => a.DeliveryId == deliveryId) ? RedeliveryOutcome.NotGivenUp : RedeliveryOutcome.NoDelivery;
        }
        await outbox.Append(State.GaveUp[index] with { Attempts = 0, NextAttemptAt = now, QueuedAt = now });
        State.GaveUp.RemoveAt(index);
        _done.Remove(deliveryId);
        State.Done.Remove(deliveryId);
        await writeHead();
        return RedeliveryOutcome.Queued;
    }

    /// <summary>
    /// Forgets sends whose report was lost; when <paramref name="sending"/>, marks the deliveries now due as in flight
    /// (at most <see cref="WebhookOptions.MaxConcurrency"/>) and returns them, oldest first, for the grain to send.
    /// </summary>
    public IReadOnlyList<PendingDelivery> TakeDue(Instant now, bool sending)
    {
        foreach (var lost in _inFlight.Where(f => f.Value + Duration.FromTimeSpan(options.Timeout) + LostAfter < now).Select(f => f.Key).ToList())
        {
            _inFlight.Remove(lost);
        }
        if (!sending)
        {
            return [];
        }
        // Retries stay in their pages' places; sending follows when each was stored or last failed, oldest first.
        var due = outbox.Deliveries.Where(p => p.NextAttemptAt <= now && !_inFlight.ContainsKey(p.DeliveryId)).OrderBy(p => p.QueuedAt)
            .Take(Math.Max(0, options.MaxConcurrency - _inFlight.Count)).ToList();
        due.ForEach(p => _inFlight[p.DeliveryId] = now);
        return due;
    }

    /// <summary>Records a send's result: only the attempt that is pending counts, a report from a send no longer waited for is dropped.</summary>
    public async Task Completed(DeliveryResult result, Instant now)
    {
        _inFlight.Remove(result.DeliveryId);
        if (outbox.Find(result.DeliveryId) is { } pending && pending.Attempts == result.Attempt - 1)
        {
            await RecordAttempt(pending, result, now);
        }
    }

    /// <summary>The outbox has drained: the next time it fills is reported again.</summary>
    public void Drained() => _reportedFull = false;

    /// <summary>Drops every pending delivery and what was done (a deleted webhook's); reports of sends in flight are then dropped.</summary>
    public async Task Clear()
    {
        await outbox.Clear();
        _inFlight.Clear();
        _done.Clear();
    }

    /// <summary>The most recent attempts, newest first.</summary>
    public IReadOnlyList<WebhookAttempt> Latest(int limit) => [.. Enumerable.Reverse(State.Log).Take(Math.Max(0, limit))];

    /// <summary>Rewrites the delivery's page, then the head (the attempt log, the done list, the live pages).</summary>
    private async Task RecordAttempt(PendingDelivery pending, DeliveryResult result, Instant now)
    {
        var delivered = result.StatusCode is >= 200 and < 300;
        var gaveUp = !delivered && result.Attempt >= options.MaxAttempts;
        Instant? next = null;
        if (delivered || gaveUp)
        {
            await outbox.Remove(pending.DeliveryId);
            Finish(pending.DeliveryId);
            if (gaveUp)
            {
                KeepGaveUp(pending with { Attempts = result.Attempt });
            }
        }
        else
        {
            next = now + Duration.FromTimeSpan(options.DelayAfter(result.Attempt));
            await outbox.Replace(pending with { Attempts = result.Attempt, NextAttemptAt = next.Value, QueuedAt = now });
            LogRetry(pending.DeliveryId, result.Attempt, result.StatusCode, result.Error);
        }
        AddToLog(new WebhookAttempt
        {
            DeliveryId = pending.DeliveryId,
            Type = pending.Type,
            CaseId = pending.CaseId,
            Attempt = result.Attempt,
            At = now,
            StatusCode = result.StatusCode,
            Outcome = delivered ? "delivered" : gaveUp ? "gaveUp" : "retrying",
            Error = result.Error,
            NextAttemptAt = next,
        });
        await writeHead();
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

    private void AddToLog(WebhookAttempt attempt)
    {
        State.Log.Add(attempt);
        if (State.Log.Count > LogSize)
        {
            State.Log.RemoveRange(0, State.Log.Count - LogSize);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {DeliveryId} attempt {Attempt} failed (status {Status}, {Error}); retrying")]
    private partial void LogRetry(string deliveryId, int attempt, int? status, string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {WebhookId}'s outbox is full ({MaxPending} pending); new notices are logged as given up until it drains")]
    private partial void LogOutboxFull(string webhookId, int maxPending);
}
