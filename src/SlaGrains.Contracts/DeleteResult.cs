namespace SlaGrains.Contracts;

/// <summary>The outcome of a delete: done, nothing by that id, or refused because <see cref="UsedBy"/> still use it.</summary>
[GenerateSerializer, Immutable, Alias("sla.delete-result")]
public sealed record DeleteResult
{
    public static readonly DeleteResult Deleted = new() { Found = true };
    public static readonly DeleteResult NotFound = new();

    [Id(0)] public bool Found { get; init; }

    /// <summary>What still uses the definition, each named (<c>process 'platinum' (versions 1, 2)</c>); empty when deleted.</summary>
    [Id(1)] public IReadOnlyList<string> UsedBy { get; init; } = [];

    public bool Succeeded => Found && UsedBy.Count == 0;
}
