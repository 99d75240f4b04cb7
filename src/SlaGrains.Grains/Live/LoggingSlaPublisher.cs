using Microsoft.Extensions.Logging;
using SlaGrains.Contracts.Live;
using SlaGrains.Domain.Cases;

namespace SlaGrains.Grains.Live;

/// <summary>The publisher used until a host supplies its own: it writes each notice to the log.</summary>
public sealed partial class LoggingSlaPublisher(ILogger<LoggingSlaPublisher> logger) : ISlaPublisher
{
    public Task Notify(SlaNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        LogNotice(notice.Type, notice.DeliveryId, notice.OccurredAt);
        return Task.CompletedTask;
    }

    public Task CaseChanged(CaseSnapshot snapshot, long version) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "{Type} {DeliveryId} due at {DueAt}")]
    private partial void LogNotice(string type, string deliveryId, NodaTime.Instant dueAt);
}
