using System.Collections.Concurrent;
using Orleans.Reminders.Diagnostics;

namespace SlaGrains.Grains.Tests.Timing;

/// <summary>
/// Watches Orleans' reminder diagnostics so a test advances the fake clock only once every reminder of a grain is
/// waiting on it. Advancing earlier would let a reminder compute its wait from the new time and miss the jump.
/// </summary>
public sealed class ReminderProbe : IObserver<ReminderEvents.ReminderEvent>, IObserver<ReminderEvents.ReminderServiceEvent>, IDisposable
{
    private readonly ConcurrentDictionary<(GrainId Grain, string Name, SiloAddress? Silo), Tracker> _reminders = new();
    private readonly ConcurrentBag<SiloAddress?> _startedSilos = [];
    private readonly IDisposable _events;
    private readonly IDisposable _serviceEvents;

    public ReminderProbe()
    {
        _events = ReminderEvents.AllEvents.Subscribe(this);
        _serviceEvents = ReminderEvents.ServiceEvents.Subscribe(this);
    }

    /// <summary>Waits until the reminder service runs on <paramref name="silos"/> silos.</summary>
    public Task ServiceStarted(int silos) => Until(() => _startedSilos.Distinct().Count() >= silos, "the reminder service to start");

    /// <summary>Waits until every reminder of <paramref name="grain"/> is armed on the clock or stopped, and none is ticking.</summary>
    public Task Quiet(GrainId grain) =>
        Until(() => _reminders.Where(r => r.Key.Grain == grain).All(r => r.Value.Ready), $"the reminders of {grain} to be armed");

    /// <summary>Waits until <paramref name="silo"/> has loaded the reminder and is waiting on the clock for its next tick.</summary>
    public Task ArmedOn(GrainId grain, string name, SiloAddress silo) =>
        Until(() => _reminders.TryGetValue((grain, name, silo), out var tracker) && tracker.Running, $"{grain} '{name}' to be armed on {silo}");

    /// <summary>The names of the grain's reminders that are still registered on a silo.</summary>
    public IReadOnlyList<string> Live(GrainId grain) =>
        [.. _reminders.Where(r => r.Key.Grain == grain && !r.Value.Stopped).Select(r => r.Key.Name).Distinct().Order(StringComparer.Ordinal)];

    private static async Task Until(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what}.");
            }
            await Task.Delay(5); // polls an asynchronous condition on real time; the clock under test never moves here
        }
    }

    public void OnNext(ReminderEvents.ReminderEvent value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var tracker = _reminders.GetOrAdd((value.GrainId, value.ReminderName, value.SiloAddress), _ => new Tracker());
        lock (tracker)
        {
            switch (value)
            {
                case ReminderEvents.LocalReminderStarted:
                    tracker.Stopped = false;
                    tracker.Armed = false;
                    break;
                case ReminderEvents.LocalReminderScheduleChanged changed:
                    tracker.ScheduleVersion = Math.Max(tracker.ScheduleVersion, changed.ScheduleVersion);
                    tracker.Armed = false;
                    break;
                case ReminderEvents.LocalReminderTickWaitArmed armed when armed.ScheduleVersion >= tracker.ScheduleVersion:
                    tracker.Armed = true;
                    break;
                case ReminderEvents.TickFiring:
                    tracker.Armed = false;
                    break;
                case ReminderEvents.LocalReminderStopped or ReminderEvents.Unregistered:
                    tracker.Stopped = true;
                    break;
                default:
                    break;
            }
        }
    }

    public void OnNext(ReminderEvents.ReminderServiceEvent value)
    {
        if (value is ReminderEvents.ReminderServiceStarted)
        {
            _startedSilos.Add(value.SiloAddress);
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _events.Dispose();
        _serviceEvents.Dispose();
    }

    private sealed class Tracker
    {
        public long ScheduleVersion;
        public bool Armed;
        public volatile bool Stopped;

        public bool Running
        {
            get
            {
                lock (this)
                {
                    return Armed && !Stopped;
                }
            }
        }

        public bool Ready
        {
            get
            {
                lock (this)
                {
                    return Stopped || Armed;
                }
            }
        }
    }
}
