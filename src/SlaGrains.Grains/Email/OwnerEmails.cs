using Microsoft.Extensions.Options;
using SlaGrains.Contracts.People;
using SlaGrains.Domain.Cases;

namespace SlaGrains.Grains.Email;

/// <summary>
/// An owner's address: the email of the active user of that id (docs/api.md, "People"); else
/// <see cref="EmailOptions.OwnerAddresses"/>, for owners that are not SlaGrains users; else the owner id itself when
/// it is an address.
/// </summary>
public sealed class OwnerEmails(IGrainFactory grains, IOptions<EmailOptions> options) : IOwnerEmails
{
    public async Task<string?> FindAddress(string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userId);
        if (await grains.GetGrain<IUserGrain>(userId).Read() is { Active: true, Email: var email } && EmailRecipients.IsAddress(email))
        {
            return email;
        }
        return options.Value.OwnerAddresses.TryGetValue(userId, out var address) ? address
            : EmailRecipients.IsAddress(userId) ? userId
            : null;
    }
}
