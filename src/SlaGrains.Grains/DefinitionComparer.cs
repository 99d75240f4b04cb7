using System.Text.Json;
using SlaGrains.Contracts.Serialization;

namespace SlaGrains.Grains;

/// <summary>
/// Compares definitions by their canonical JSON: records holding lists and dictionaries do not compare by value,
/// and "the same definition" is exactly "the same document" to the API's idempotent PUT.
/// </summary>
internal static class DefinitionComparer
{
    public static bool Same<T>(T a, T b) =>
        JsonSerializer.Serialize(a, SlaJson.Options) == JsonSerializer.Serialize(b, SlaJson.Options);
}
