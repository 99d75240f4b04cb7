namespace SlaGrains.Grains.Email;

/// <summary>
/// Where <c>to: owner</c> finds the owner's address. The default (<see cref="ConfiguredOwnerEmails"/>) reads
/// <c>Sla:Email:OwnerAddresses</c>; a host with a user directory registers its own before <c>AddSlaGrains</c>.
/// </summary>
public interface IOwnerEmails
{
    /// <summary>The address of user <paramref name="userId"/>; null when it has none.</summary>
    Task<string?> FindAddress(string userId, CancellationToken cancellationToken);
}
