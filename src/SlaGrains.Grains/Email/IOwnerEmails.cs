namespace SlaGrains.Grains.Email;

/// <summary>
/// Where <c>to: owner</c> finds the owner's address. The default (<see cref="ConfiguredOwnerEmails"/>) reads
/// <c>Sla:Email:OwnerAddresses</c>; users with emails replace it with an implementation that reads them, registered
/// before <c>AddSlaGrains</c> (docs/operations.md, "Email alerts").
/// </summary>
public interface IOwnerEmails
{
    /// <summary>The address of user <paramref name="userId"/>; null when it has none.</summary>
    Task<string?> FindAddress(string userId, CancellationToken cancellationToken);
}
