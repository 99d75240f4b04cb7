namespace SlaGrains.Host.Storage;

/// <summary>Says at startup, loudly, that the embedded mode keeps everything in memory.</summary>
internal sealed partial class VolatileStateWarning(ILogger<VolatileStateWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        LogVolatile();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "Embedded mode: cases, definitions and reminders live in memory and are lost when this process stops. " +
        "Set ConnectionStrings:Postgres to keep them in PostgreSQL.")]
    private partial void LogVolatile();
}
