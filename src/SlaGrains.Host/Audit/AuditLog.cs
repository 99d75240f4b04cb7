using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using NodaTime;
using SlaGrains.Contracts.Audit;
using SlaGrains.Contracts.Catalog;
using SlaGrains.Contracts.Serialization;
using SlaGrains.Host.Hosting;

namespace SlaGrains.Host.Audit;

/// <summary>Appends to the day grain of the entry's UTC date, and lists the day so reads of the trail find it.</summary>
public sealed class AuditLog(GrainReferences grains, TimeProvider clock) : IAuditLog
{
    public async Task Record(ClaimsPrincipal caller, string action, AuditResource resource, object? before, object? after)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var at = Instant.FromDateTimeOffset(clock.GetUtcNow());
        var entry = new AuditEntry(at, AuditActors.Of(caller), action, resource, Json(before), Json(after));
        var day = DayKey(at);
        // The day is listed first: a stored entry on an unlisted day would never be read.
        await grains.Get<ICatalogGrain>(ICatalogGrain.AuditDays).Add(day);
        await grains.Get<IAuditDayGrain>(day).Append(entry);
    }

    public static string DayKey(Instant at) => at.InUtc().Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Json(object? value) => value is null ? null : JsonSerializer.Serialize(value, value.GetType(), SlaJson.Options);
}
