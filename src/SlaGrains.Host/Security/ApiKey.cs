namespace SlaGrains.Host.Security;

/// <summary>One configured key (<c>Sla:ApiKeys</c>): a name for logs and rate limits, the secret, and its scopes.</summary>
public sealed class ApiKey
{
    public string Name { get; set; } = "";
    public string Key { get; set; } = "";
    public List<string> Scopes { get; set; } = [];
}
