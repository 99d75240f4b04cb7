namespace SlaGrains.Contracts.Catalog;

/// <summary>
/// The ids of one kind of definition (calendars, processes, webhooks) or of users, for listing. Definitions are few and change
/// rarely, so one grain per kind is enough; cases are never listed here.
/// </summary>
[Alias("sla.catalog")]
public interface ICatalogGrain : IGrainWithStringKey
{
    public const string Calendars = "calendars";
    public const string Processes = "processes";
    public const string Webhooks = "webhooks";
    public const string Users = "users";

    [Alias("add")]
    Task Add(string id);

    /// <summary>Every id, in ordinal order.</summary>
    [Alias("list")]
    Task<IReadOnlyList<string>> List();
}
