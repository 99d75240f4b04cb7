namespace SlaGrains.Host.Security;

/// <summary>How many wrong keys one client address may present per window before it gets 429s (<c>Sla:FailedKeys</c>).</summary>
public sealed class FailedKeyOptions
{
    public const string Section = "Sla:FailedKeys";

    public int Limit { get; set; } = 10;
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
