using System.Text;

namespace SlaGrains.Domain.Processes;

/// <summary>
/// The stable, URL-safe key of a milestone name ("First Response" → "first-response"), used in instance ids
/// (<c>first-response#1</c>) and notification ids.
/// </summary>
public static class MilestoneKey
{
    public static string From(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var key = new StringBuilder(name.Length);
        foreach (var c in name.Trim())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                key.Append(char.ToLowerInvariant(c));
            }
            else if (key.Length > 0 && key[^1] != '-')
            {
                key.Append('-');
            }
        }
        return key.ToString().TrimEnd('-');
    }
}
