using Microsoft.Extensions.Options;
using SlaGrains.Contracts.Email;
using SlaGrains.Domain.Cases;

namespace SlaGrains.Grains.Email;

/// <summary>
/// Hands a notice's email alerts to the outbox. Storing them is all a case waits for, and only for <see
/// cref="EmailOptions.HandOverTimeout"/>: past it the case keeps the notice in its own outbox and retries, and the
/// outbox ignores alerts it already holds or has sent.
/// </summary>
public sealed class EmailPublisher(IGrainFactory grains, IOptions<EmailOptions> options)
{
    public Task Enqueue(IReadOnlyList<EmailAlert> alerts)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        return grains.GetGrain<IEmailOutboxGrain>(IEmailOutboxGrain.Key).Enqueue(alerts).WaitAsync(options.Value.HandOverTimeout);
    }
}
