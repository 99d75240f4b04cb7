using Microsoft.Extensions.Logging;
using SlaGrains.Domain.Cases;

namespace SlaGrains.Grains.Live;

/// <summary>The publisher used until a host supplies its own: it writes each notice to the log.</summary>
public sealed partial class LoggingSlaPublisher(ILogger<LoggingSlaPublisher> logger) : ISlaPublisher
{
    public Task Notify(FiredNotice fired)
    {
        ArgumentNullException.ThrowIfNull(fired);
        LogNotice(fired.Notice.Type, fired.Notice.DeliveryId, fired.Notice.OccurredAt);
        return Task.CompletedTask;
    }

    public Task CaseChanged(CaseSnapshot snapshot, long version) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "{Type} {DeliveryId} due at {DueAt}")]
    private partial void LogNotice(string type, string deliveryId, NodaTime.Instant dueAt);
}
