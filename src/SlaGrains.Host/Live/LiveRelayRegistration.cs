using Orleans.Runtime;
using SlaGrains.Contracts.Live;
using SlaGrains.Host.Hosting;

namespace SlaGrains.Host.Live;

/// <summary>
/// Registers this process's <see cref="HubRelay"/> with the registry once the app has started, again every
/// <see cref="Refresh"/> (so the registry can forget crashed processes and a restarted registry relearns everyone),
/// and unregisters it on the way out.
/// </summary>
public sealed class LiveRelayRegistration(GrainReferences grains, HubRelay relay, IHostApplicationLifetime lifetime, IServiceProvider services) : BackgroundService
{
    public static readonly TimeSpan Refresh = TimeSpan.FromSeconds(30);

    private ILiveRelay? _reference;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(started.SetResult))
        {
            await started.Task.WaitAsync(stoppingToken);
        }
        _reference = grains.CreateObjectReference<ILiveRelay>(relay);
        var silo = services.GetService<ILocalSiloDetails>()?.SiloAddress;
        using var timer = new PeriodicTimer(Refresh);
        do
        {
            try
            {
                await grains.Get<ILiveRegistryGrain>(0).Register(_reference, silo);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The cluster is unavailable for a moment: the next period registers again.
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_reference is not null)
        {
            try
            {
                await grains.Get<ILiveRegistryGrain>(0).Unregister(_reference).WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Shutting down with the cluster: the registry forgets the relay when it expires.
            }
            try
            {
                grains.DeleteObjectReference<ILiveRelay>(_reference);
            }
            catch (ArgumentException)
            {
                // The runtime stopped first and already let go of the reference.
            }
        }
        await base.StopAsync(cancellationToken);
    }
}
