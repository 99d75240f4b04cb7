namespace SlaGrains.Contracts.Audit;

/// <summary>
/// The audit entries of one UTC day, keyed <c>yyyy-MM-dd</c>: one grain per day, so no grain holds (or rewrites) the
/// whole trail and days are read one at a time, newest first. The days that have entries are listed in the catalog
/// <see cref="Catalog.ICatalogGrain.AuditDays"/>.
/// </summary>
[Alias("sla.audit-day")]
public interface IAuditDayGrain : IGrainWithStringKey
{
    /// <summary>Stores the entry durably before returning.</summary>
    [Alias("append")]
    Task Append(AuditEntry entry);

    /// <summary>The day's entries in the order they were recorded.</summary>
    [Alias("entries")]
    Task<IReadOnlyList<AuditEntry>> Entries();
}
