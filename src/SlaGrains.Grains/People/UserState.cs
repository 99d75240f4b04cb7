using SlaGrains.Contracts.People;

namespace SlaGrains.Grains.People;

[GenerateSerializer, Alias("sla.user-state")]
public sealed class UserState
{
    [Id(0)] public UserRecord? User { get; set; }

    /// <summary>Every key the user was given, revoked ones included (they stay listed, as GitHub and Zendesk keep them).</summary>
    [Id(1)] public List<StoredUserKey> Keys { get; set; } = [];
}
