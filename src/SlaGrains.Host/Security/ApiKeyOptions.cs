namespace SlaGrains.Host.Security;

public sealed class ApiKeyOptions
{
    public const string Section = "Sla";

    /// <summary>The key that exists only in the Development environment, with every scope.</summary>
    public const string DevelopmentKey = "dev-admin-key";

    public List<ApiKey> ApiKeys { get; set; } = [];
}
