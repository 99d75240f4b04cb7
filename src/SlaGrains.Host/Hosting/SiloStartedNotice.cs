using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace SlaGrains.Host.Hosting;

/// <summary>
/// Says when this silo is active in its cluster. Orleans' own start-up lines are below the host's log level, so without
/// this the log is silent from the storage line until the web server listens, however long the join takes.
/// </summary>
internal sealed partial class SiloStartedNotice(ILocalSiloDetails silo, IOptions<ClusterOptions> cluster, ILogger<SiloStartedNotice> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        lifecycle.Subscribe(nameof(SiloStartedNotice), ServiceLifecycleStage.Active, _ =>
        {
            LogActive(silo.SiloAddress, cluster.Value.ClusterId);
            return Task.CompletedTask;
        });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Silo {Silo} is active in cluster '{ClusterId}'")]
    private partial void LogActive(SiloAddress silo, string clusterId);
}
