using Microsoft.Extensions.Options;
using SlaGrains.Domain.Cases;

namespace SlaGrains.Grains.Email;

/// <summary>Owners' addresses from <see cref="EmailOptions.OwnerAddresses"/>; an owner id that is an address is its own.</summary>
public sealed class ConfiguredOwnerEmails(IOptions<EmailOptions> options) : IOwnerEmails
{
    public Task<string?> FindAddress(string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userId);
        return Task.FromResult(
            options.Value.OwnerAddresses.TryGetValue(userId, out var address) ? address
            : EmailRecipients.IsAddress(userId) ? userId
            : null);
    }
}
