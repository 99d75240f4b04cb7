using SlaGrains.Contracts.Email;

namespace SlaGrains.Grains.Email;

[GenerateSerializer, Alias("sla.email-outbox-state")]
public sealed class EmailOutboxState
{
    /// <summary>Alerts stored and not yet sent or given up, oldest first.</summary>
    [Id(0)] public List<PendingEmail> Pending { get; set; } = [];

    /// <summary>The ids of the latest alerts sent or given up, oldest first, so a handed-over alert seen again is not sent twice.</summary>
    [Id(1)] public List<string> Done { get; set; } = [];

    /// <summary>The latest attempts, oldest first.</summary>
    [Id(2)] public List<EmailAttempt> Log { get; set; } = [];
}
