using System.Globalization;
using NodaTime.Text;

namespace SlaGrains.Host.Audit;

/// <summary>
/// Where a page of the trail stopped: the UTC day and the position in that day of the last entry it showed. Entries
/// are only ever appended, so a position never shifts and the next page starts just before it.
/// </summary>
public readonly record struct AuditCursor(string Day, int Position)
{
    public override string ToString() => $"{Day}.{Position.ToString(CultureInfo.InvariantCulture)}";

    public static bool TryParse(string text, out AuditCursor cursor)
    {
        cursor = default;
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0 || !LocalDatePattern.Iso.Parse(text[..dot]).Success ||
            !int.TryParse(text[(dot + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var position))
        {
            return false;
        }
        cursor = new AuditCursor(text[..dot], position);
        return true;
    }
}
