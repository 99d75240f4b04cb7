using System.Text.Json;
using NodaTime;
using SlaGrains.Contracts.Audit;

namespace SlaGrains.Host.Audit;

/// <summary>
/// One audit entry as <c>GET /api/v1/audit</c> shows it: before and after as JSON objects, not text. Typed as any
/// value (object): the OpenAPI document then describes them inline as any JSON, where a JsonElement is a named empty
/// schema that client generators turn into an empty class, dropping the content.
/// </summary>
public sealed record AuditItem(Instant At, AuditActor Actor, string Action, AuditResource Resource, object? Before, object? After)
{
    public static AuditItem From(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new(entry.At, entry.Actor, entry.Action, entry.Resource, Parse(entry.Before), Parse(entry.After));
    }

    private static JsonElement? Parse(string? json) => json is null ? null : JsonSerializer.Deserialize<JsonElement>(json);
}
