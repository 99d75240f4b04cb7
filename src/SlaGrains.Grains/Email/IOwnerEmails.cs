namespace SlaGrains.Grains.Email;

/// <summary>
/// Where <c>to: owner</c> finds the owner's address (<see cref="OwnerEmails"/>: the user's email, then
/// <c>Sla:Email:OwnerAddresses</c>). Another directory can replace it, registered before <c>AddSlaGrains</c>
/// (docs/operations.md, "Email alerts").
/// </summary>
public interface IOwnerEmails
{
    /// <summary>The address of user <paramref name="userId"/>; null when it has none.</summary>
    Task<string?> FindAddress(string userId, CancellationToken cancellationToken);
}
