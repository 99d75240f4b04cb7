using Microsoft.Extensions.Logging;
using NodaTime;
using SlaGrains.Domain.Cases;
using SlaGrains.Grains.Live;
using SlaGrains.Grains.Telemetry;

namespace SlaGrains.Grains.Cases;

/// <summary>
/// The notices a case has fired and not yet handed over, stored in its state with the change that fired them. They go
/// to the publisher oldest first; what it refuses stays queued behind the outbox reminder, which also stays set while
/// report facts are owed (<see cref="CaseReports"/>). <paramref name="write"/> stores the case's state.
/// </summary>
internal sealed partial class CaseOutbox(ISlaPublisher publisher, CaseState state, CaseReminders reminders, Func<Task> write, ILogger logger)
{
    public bool Empty => state.Outbox.Count == 0;

    /// <summary>
    /// Records what <paramref name="settled"/> fired and queues its notices, for the next write to store together:
    /// a notice is never queued without its notification marked fired, nor marked without its notice.
    /// </summary>
    public void Record(CaseSettlement settled, Instant now)
    {
        ArgumentNullException.ThrowIfNull(settled);
        foreach (var fired in settled.Fired)
        {
            state.Fired.Add(fired.Id);
            SlaMetrics.NotificationsFired.Add(1, new KeyValuePair<string, object?>("kind", fired.Kind.ToString()));
            SlaMetrics.Lateness.Record((now - fired.DueAt).TotalSeconds);
        }
        state.Outbox.AddRange(settled.Notices);
    }

    /// <summary>Hands the queued notices over (<see cref="HandOver"/>) and stores what that changed.</summary>
    public async Task Deliver(Instant now, bool clearIdleReminder = false)
    {
        if (await HandOver(now, clearIdleReminder))
        {
            await write();
        }
    }

    /// <summary>
    /// Hands the queued notices over and sets or clears the outbox reminder to match; true when the state changed and
    /// must be written. Only the reminder's own tick (<paramref name="clearIdleReminder"/>) clears a reminder kept for
    /// facts the store has since taken; events leave it set.
    /// </summary>
    private async Task<bool> HandOver(Instant now, bool clearIdleReminder)
    {
        var delivered = 0;
        foreach (var fired in state.Outbox)
        {
            try
            {
                await publisher.Notify(fired);
                delivered++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogDeliveryFailed(ex, fired.Notice.DeliveryId);
                break;
            }
        }
        var idle = clearIdleReminder && Empty && !CaseReports.Pending(state) && reminders.OutboxSet;
        if (delivered == 0 && Empty && !idle)
        {
            return false;
        }
        state.Outbox.RemoveRange(0, delivered);
        if (!Empty || CaseReports.Pending(state))
        {
            await reminders.KeepOutboxAwake(now);
        }
        else if (reminders.OutboxSet)
        {
            await reminders.Unregister(CaseReminders.Outbox);
        }
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivering notice {DeliveryId} failed; it stays queued and is retried")]
    private partial void LogDeliveryFailed(Exception ex, string deliveryId);
}
