namespace SlaGrains.Contracts;

/// <summary>The outcome of a write that validates: the stored value, or the field errors that refused it.</summary>
[GenerateSerializer, Immutable, Alias("sla.write-result`1")]
public sealed record WriteResult<T>
{
    [Id(0)] public T? Value { get; init; }
    [Id(1)] public IReadOnlyDictionary<string, string[]>? Errors { get; init; }

    /// <summary>True when the write changed nothing because the same definition was already stored.</summary>
    [Id(2)] public bool Unchanged { get; init; }

    public bool Succeeded => Errors is null;
}
