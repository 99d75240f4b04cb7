namespace SlaGrains.Contracts;

/// <summary>
/// Storage (PostgreSQL) failed under a grain call. Raised in place of the driver's own exception, which Orleans cannot
/// carry back to a caller in another process; callers answer 503 and retry later.
/// </summary>
[GenerateSerializer, Alias("sla.storage-unavailable")]
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException()
    {
    }

    public StorageUnavailableException(string message) : base(message)
    {
    }

    public StorageUnavailableException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
