using System.Diagnostics.Metrics;
using SlaGrains.Grains.Telemetry;

namespace SlaGrains.Host.Storage;

/// <summary>The group-commit writer's batches, exported with the rest of <see cref="SlaMetrics"/>.</summary>
public sealed class BatchMetrics
{
    public const string BatchSize = "sla.storage.batch.size";

    private readonly Histogram<int> _size;

    public BatchMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _size = meters.Create(SlaMetrics.MeterName).CreateHistogram<int>(BatchSize, "{record}", "Grain-state records committed together in one batch.");
    }

    public void Committed(int records) => _size.Record(records);
}
