using System.Diagnostics.Metrics;

namespace SlaGrains.Grains.Telemetry;

/// <summary>
/// What operators watch (the host exports them through OpenTelemetry): events applied, notifications fired by kind,
/// and how late each fired after it was due, the deadline precision of docs/benchmarks.md.
/// </summary>
public static class SlaMetrics
{
    public const string MeterName = "SlaGrains";

    private static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> EventsApplied =
        Meter.CreateCounter<long>("sla.events.applied", "{event}", "Case events stored and applied.");

    public static readonly Counter<long> NotificationsFired =
        Meter.CreateCounter<long>("sla.notifications.fired", "{notification}", "Warnings, violations, completions and escalations fired.");

    public static readonly Histogram<double> Lateness =
        Meter.CreateHistogram<double>("sla.notifications.lateness", "s", "Time from when a notification was due to when it fired.");
}
