namespace SlaGrains.Contracts.Catalog;

/// <summary>
/// The ids of one kind of definition (calendars, processes, entitlements, webhooks) or of users, for listing and for finding what uses a definition. Definitions are few and change
/// rarely, so one grain per kind is enough; cases are never listed here.
/// </summary>
[Alias("sla.catalog")]
public interface ICatalogGrain : IGrainWithStringKey
{
    public const string Calendars = "calendars";
    public const string Processes = "processes";
    public const string Webhooks = "webhooks";
    public const string Entitlements = "entitlements";

    /// <summary>The UTC days (<c>yyyy-MM-dd</c>) that hold audit entries, so a read of the trail visits only those.</summary>
    public const string AuditDays = "audit-days";

    public const string Users = "users";

    [Alias("add")]
    Task Add(string id);

    [Alias("remove")]
    Task Remove(string id);

    /// <summary>Every id, in ordinal order.</summary>
    [Alias("list")]
    Task<IReadOnlyList<string>> List();
}
