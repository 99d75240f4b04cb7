namespace SlaGrains.Grains.Email;

/// <summary>The SMTP server refused an email for good (a 5xx reply, or nothing to send to): retrying cannot help.</summary>
public sealed class EmailRefusedException : Exception
{
    public EmailRefusedException()
    {
    }

    public EmailRefusedException(string message)
        : base(message)
    {
    }

    public EmailRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
