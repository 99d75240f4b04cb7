using SlaGrains.Contracts;

namespace SlaGrains.Grains;

/// <summary>
/// Turns a storage failure escaping a grain call (<see cref="StorageFailures.IsUnavailable"/>: a reminder table's
/// driver, say) into <see cref="StorageUnavailableException"/>, which crosses process boundaries (the driver's types
/// have no Orleans codec), so a front-end answers 503, not 500.
/// </summary>
public sealed class StorageFailureFilter : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await context.Invoke();
        }
        catch (Exception ex) when (ex is not StorageUnavailableException && StorageFailures.IsUnavailable(ex))
        {
            throw StorageFailures.Unavailable(ex);
        }
    }
}
