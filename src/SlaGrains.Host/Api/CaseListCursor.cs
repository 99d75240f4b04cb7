using System.Buffers.Text;
using System.Text.Json;
using NodaTime;
using SlaGrains.Contracts.Queues;
using SlaGrains.Contracts.Serialization;

namespace SlaGrains.Host.Api;

/// <summary>
/// A listing's cursor: the last row's place in soonest-deadline order, opaque to clients (base64url JSON). A position
/// rather than an offset, so cases that come and go between pages neither repeat nor skip the rows after it.
/// </summary>
public static class CaseListCursor
{
    private sealed record Position(Instant? D, string C);

    public static string Encode(QueuePosition position)
    {
        ArgumentNullException.ThrowIfNull(position);
        return Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new Position(position.DeadlineAt, position.CaseId), SlaJson.Options));
    }

    public static QueuePosition? Decode(string cursor)
    {
        try
        {
            var position = JsonSerializer.Deserialize<Position>(Base64Url.DecodeFromChars(cursor), SlaJson.Options);
            return position is { C: not null } ? new QueuePosition(position.D, position.C) : null;
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return null;
        }
    }
}
