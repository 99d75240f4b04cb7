using SlaGrains.Domain.People;

namespace SlaGrains.Contracts.People;

/// <summary>Who a valid personal key belongs to, as authentication needs it.</summary>
[GenerateSerializer, Immutable, Alias("sla.key-holder")]
public sealed record KeyHolder
{
    [Id(0)] public required string UserId { get; init; }
    [Id(1)] public required string Name { get; init; }
    [Id(2)] public required UserRole Role { get; init; }
    [Id(3)] public IReadOnlyList<string> Queues { get; init; } = [];
    [Id(4)] public required string KeyId { get; init; }
}
