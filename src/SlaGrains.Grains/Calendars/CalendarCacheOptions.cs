namespace SlaGrains.Grains.Calendars;

/// <summary>The silo's cache of compiled calendars (<c>Sla:Calendars</c>; docs/operations.md, "Time: instants, spans and calendars").</summary>
public sealed class CalendarCacheOptions
{
    public const string Section = "Sla:Calendars";

    /// <summary>Compiled calendar versions kept; past it the least recently used are evicted (and compiled again when asked for).</summary>
    public int CompiledCacheSize { get; set; } = 256;

    /// <summary>A version nobody has asked for in this long is evicted.</summary>
    public TimeSpan CompiledCacheIdle { get; set; } = TimeSpan.FromHours(1);
}
