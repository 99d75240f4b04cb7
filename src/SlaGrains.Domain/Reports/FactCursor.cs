using System.Buffers.Text;
using System.Text;
using NodaTime;
using NodaTime.Text;

namespace SlaGrains.Domain.Reports;

/// <summary>
/// Where a page of facts ends: facts are listed by target, then case id, then instance id (ordinal), and the next
/// page starts after this one. Its text form is opaque to clients (base64url).
/// </summary>
public sealed record FactCursor(Instant TargetAt, string CaseId, string MilestoneId) : IComparable<FactCursor>
{
    public static FactCursor Of(MilestoneFact fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        return new FactCursor(fact.TargetAt!.Value, fact.CaseId, fact.MilestoneId);
    }

    public int CompareTo(FactCursor? other)
    {
        if (other is null)
        {
            return 1;
        }
        var byTarget = TargetAt.CompareTo(other.TargetAt);
        if (byTarget != 0)
        {
            return byTarget;
        }
        var byCase = string.CompareOrdinal(CaseId, other.CaseId);
        return byCase != 0 ? byCase : string.CompareOrdinal(MilestoneId, other.MilestoneId);
    }

    public override string ToString() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{InstantPattern.ExtendedIso.Format(TargetAt)}\n{CaseId}\n{MilestoneId}"));

    /// <summary>The cursor a page ended with; null for text no page gave.</summary>
    public static FactCursor? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text)).Split('\n');
            return parts.Length == 3 && InstantPattern.ExtendedIso.Parse(parts[0]) is { Success: true } at && parts[1].Length > 0 && parts[2].Length > 0
                ? new FactCursor(at.Value, parts[1], parts[2])
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static bool operator <(FactCursor left, FactCursor right) => left is null ? right is not null : left.CompareTo(right) < 0;
    public static bool operator >(FactCursor left, FactCursor right) => left is not null && left.CompareTo(right) > 0;
    public static bool operator <=(FactCursor left, FactCursor right) => !(left > right);
    public static bool operator >=(FactCursor left, FactCursor right) => !(left < right);
}
