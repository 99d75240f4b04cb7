using SlaGrains.Domain.Cases;
using SlaGrains.Domain.People;

namespace SlaGrains.Host.Api;

/// <summary>
/// Who the key in use belongs to (<c>GET /api/v1/me</c>): a user (with its role, queues and the key's id) or an
/// integration (a configured key, named by its name), what it may do, and whether it lists every case or only its own
/// and its queues'.
/// </summary>
public sealed record MeRead(ActorKind Kind, string Id, string Name, string? Email, UserRole? Role, IReadOnlyList<string> Queues,
    IReadOnlyList<string> Scopes, bool SeesAllCases, string? KeyId);
