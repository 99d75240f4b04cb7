namespace SlaGrains.Grains.Webhooks;

/// <summary>A delivery's receiver resolved only to addresses the outbound URL policy refuses; no socket was opened.</summary>
public sealed class OutboundUrlRefusedException : Exception
{
    public OutboundUrlRefusedException()
    {
    }

    public OutboundUrlRefusedException(string message) : base(message)
    {
    }

    public OutboundUrlRefusedException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
