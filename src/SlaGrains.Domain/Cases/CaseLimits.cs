using System.ComponentModel.DataAnnotations;
using System.Globalization;
using SlaGrains.Domain.Validation;

namespace SlaGrains.Domain.Cases;

/// <summary>How big one case may grow, and how much of it a snapshot lists (settings under <see cref="Section"/>).</summary>
public sealed class CaseLimits
{
    public const string Section = "Sla:Limits";

    /// <summary>Events one case holds at most, escalations it wrote itself included.</summary>
    [Range(1, int.MaxValue)]
    public int EventsPerCase { get; set; } = 10_000;

    /// <summary>Ended instances of each milestone a snapshot lists besides the open one (the latest); the rest are counted.</summary>
    [Range(0, int.MaxValue)]
    public int SnapshotInstances { get; set; } = 10;

    /// <summary>
    /// Whether a case holding <paramref name="eventsHeld"/> events takes another: past the limit a new event is refused
    /// and nothing is stored (an event it already holds is still a replay).
    /// </summary>
    public ValidationErrors CheckRoomForEvent(int eventsHeld)
    {
        var errors = new ValidationErrors();
        if (eventsHeld >= EventsPerCase)
        {
            errors.Add("caseId", string.Create(CultureInfo.InvariantCulture,
                $"The case holds {eventsHeld:N0} events, the most one case may hold ({Section}:{nameof(EventsPerCase)} is {EventsPerCase:N0}); this event was not stored."));
        }
        return errors;
    }
}
