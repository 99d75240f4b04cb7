namespace SlaGrains.Domain.Processes;

/// <summary>A warning before a milestone's target: either minutes of open time before it, or a percentage of the milestone time.</summary>
public sealed record WarningDefinition
{
    public int? BeforeTargetMinutes { get; init; }
    public int? AtPercent { get; init; }

    /// <summary>
    /// The warning's key: <c>15m</c> or <c>75pct</c>, the last part of its notification id (docs/semantics.md), and how
    /// an action names the warning it belongs to (<see cref="ActionDefinition.Warning"/>).
    /// </summary>
    public static string KeyOf(WarningDefinition warning)
    {
        ArgumentNullException.ThrowIfNull(warning);
        return warning.BeforeTargetMinutes is { } before
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{before}m")
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{warning.AtPercent}pct");
    }
}
