using Microsoft.Extensions.Logging;
using NodaTime;
using SlaGrains.Domain.Cases;
using SlaGrains.Grains.Live;

namespace SlaGrains.Grains.Cases;

/// <summary>
/// What live views see of a case: every stored change, pushed best effort (the next change carries the full
/// snapshot), and, while the case is active, a push when a running clock next starts or stops by its calendar, so a
/// countdown shows "outside hours" the moment it begins. Nothing here is stored: it is a view of time.
/// </summary>
internal sealed partial class CaseLiveView(
    IGrainBase grain, ISlaPublisher publisher, TimeProvider clock, Func<Task<CaseSnapshot>> evaluate, Func<long> version, string caseId, ILogger logger)
{
    private IGrainTimer? _clockTransition;

    /// <summary>Pushes <paramref name="snapshot"/> at the stored version, to the lists the case <paramref name="left"/> too.</summary>
    public async Task Publish(CaseSnapshot snapshot, IReadOnlyList<string>? left = null)
    {
        try
        {
            await publisher.CaseChanged(snapshot, version(), left ?? []);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogPublishFailed(ex, caseId);
        }
    }

    /// <summary>Sets the grain timer for the snapshot's next clock change (within two days), replacing the last one.</summary>
    public void ArmClockTransition(CaseSnapshot snapshot)
    {
        _clockTransition?.Dispose();
        _clockTransition = null;
        var now = Instant.FromDateTimeOffset(clock.GetUtcNow());
        if (CaseEngine.NextClockChange(snapshot) is { } next && next - now < Duration.FromDays(2))
        {
            var due = (next - now).ToTimeSpan() + TimeSpan.FromMilliseconds(1);
            _clockTransition = grain.RegisterGrainTimer(async () =>
            {
                var current = await evaluate();
                await Publish(current);
                ArmClockTransition(current);
            }, due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing the change of case {CaseId} failed")]
    private partial void LogPublishFailed(Exception ex, string caseId);
}
