using NodaTime;

namespace SlaGrains.Grains.Cases;

/// <summary>
/// A case's durable reminders, mirrored in its state (name → the instant it is set for) so that keeping them right
/// costs no reminder-table reads: one per milestone instance that still owes a notification, set for the earliest with
/// a one-minute period as the retry net, and the outbox reminder while notices or report facts wait to be handed over.
/// </summary>
internal sealed class CaseReminders(IGrainBase grain, CaseState state)
{
    public const string Outbox = "outbox";
    private const string MilestonePrefix = "ms:";
    private static readonly TimeSpan RetryPeriod = TimeSpan.FromMinutes(1);

    public bool OutboxSet => state.Reminders.ContainsKey(Outbox);

    /// <summary>Whether any reminder other than the outbox's is set: something will wake the case.</summary>
    public bool AnyDeadline => state.Reminders.Keys.Any(name => name != Outbox);

    /// <summary>One reminder per instance that still owes something, set for its earliest unfired notification.</summary>
    public async Task Sync(IReadOnlyDictionary<string, Instant> owed, Instant now)
    {
        foreach (var (instance, due) in owed)
        {
            var name = MilestonePrefix + instance;
            if (!state.Reminders.TryGetValue(name, out var registered) || registered != due)
            {
                await grain.RegisterOrUpdateReminder(name, due > now ? (due - now).ToTimeSpan() : TimeSpan.Zero, RetryPeriod);
                state.Reminders[name] = due;
            }
        }
        // Every owed instance has its reminder now: any more milestone reminders are for instances that owe nothing.
        if (state.Reminders.Count - (OutboxSet ? 1 : 0) > owed.Count)
        {
            foreach (var name in state.Reminders.Keys.Where(n => n.StartsWith(MilestonePrefix, StringComparison.Ordinal) &&
                                                                 !owed.ContainsKey(n[MilestonePrefix.Length..])).ToList())
            {
                await Unregister(name);
            }
        }
    }

    /// <summary>Forgets what <paramref name="name"/> was set for: whatever is still owed gets registered afresh.</summary>
    public void Forget(string name) => state.Reminders.Remove(name);

    public bool IsSet(string name) => state.Reminders.ContainsKey(name);

    public async Task Unregister(string name)
    {
        if (await grain.GetReminder(name) is { } reminder)
        {
            await grain.UnregisterReminder(reminder);
        }
        state.Reminders.Remove(name);
    }

    /// <summary>Sets the outbox reminder unless it is set: it retries the hand-over every minute until it is done.</summary>
    public async Task KeepOutboxAwake(Instant now)
    {
        if (!OutboxSet)
        {
            await grain.RegisterOrUpdateReminder(Outbox, RetryPeriod, RetryPeriod);
            state.Reminders[Outbox] = now + Duration.FromTimeSpan(RetryPeriod);
        }
    }
}
