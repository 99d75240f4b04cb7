using SlaGrains.Domain.Cases;

namespace SlaGrains.Contracts.Email;

/// <summary>The durable outbox of email alerts (docs/semantics.md, "Notifications"); one for the cluster, key <see cref="Key"/>.</summary>
[Alias("sla.email-outbox")]
public interface IEmailOutboxGrain : IGrainWithStringKey
{
    public const string Key = "email";

    /// <summary>Stores the alerts it has not seen (by id) before returning; they are sent in the background.</summary>
    [Alias("enqueue")]
    Task Enqueue(IReadOnlyList<EmailAlert> alerts);

    /// <summary>The latest attempts, newest first.</summary>
    [Alias("log")]
    Task<IReadOnlyList<EmailAttempt>> Log(int limit);
}
