namespace SlaGrains.Domain.People;

/// <summary>A user as an admin writes it (<c>PUT /api/v1/users/{userId}</c>).</summary>
public sealed record UserDefinition
{
    public string? Name { get; init; }
    public string? Email { get; init; }
    public UserRole? Role { get; init; }

    /// <summary>The queues the user works: an agent lists and watches these (and the cases it owns).</summary>
    public IReadOnlyList<string>? Queues { get; init; }
}
