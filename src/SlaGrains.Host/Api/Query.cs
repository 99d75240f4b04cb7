using NodaTime;
using NodaTime.Text;
using SlaGrains.Domain.Calendars;

namespace SlaGrains.Host.Api;

/// <summary>Query-string values in the contract's formats, with errors named after the parameter. Instants must lie in
/// <see cref="InstantRange"/>.</summary>
public static class Query
{
    public static Instant? Instant(string? text, string name, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(text))
        {
            errors[name] = [$"Give {name} as an ISO 8601 instant with an offset, like 2025-03-03T09:00:00Z."];
            return null;
        }
        var parsed = OffsetDateTimePattern.ExtendedIso.Parse(text);
        if (parsed.Success)
        {
            var instant = parsed.Value.ToInstant();
            if (InstantRange.Check(instant, name) is { } outside)
            {
                errors[name] = [outside];
                return null;
            }
            return instant;
        }
        errors[name] = [$"'{text}' is not an ISO 8601 instant with an offset, like 2025-03-03T09:00:00Z."];
        return null;
    }
}
