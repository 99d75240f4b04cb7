namespace SlaGrains.Domain.Cases;

/// <summary>
/// An email an <c>email</c> action fired, rendered as of its notice: the outbox sends it once, under its stable
/// <see cref="Id"/> (<c>{notificationId}/email/{n}</c>), which the message carries, so a repeat after a failover is recognised.
/// </summary>
public sealed record EmailAlert
{
    public required string Id { get; init; }
    public required string CaseId { get; init; }

    /// <summary>Addresses as the action gave them or read from the case's custom fields.</summary>
    public IReadOnlyList<string> Addresses { get; init; } = [];

    /// <summary>User ids whose email the host looks up (<c>to: owner</c> on a case with an owner).</summary>
    public IReadOnlyList<string> Owners { get; init; } = [];

    /// <summary>Recipients the action named that the case could not give (no owner, an empty or invalid address field).</summary>
    public IReadOnlyList<string> Unresolved { get; init; } = [];

    public required string Subject { get; init; }
    public required string Body { get; init; }
}
