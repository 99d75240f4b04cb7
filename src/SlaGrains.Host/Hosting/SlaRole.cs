namespace SlaGrains.Host.Hosting;

/// <summary>
/// What this process does (<c>Sla:Role</c>): <c>all</c> (the default: silo, API, hub and dashboard in one process),
/// <c>silo</c> (grains only, plus health endpoints), or <c>frontend</c> (API, hub and dashboard as an Orleans client of
/// the silos; needs PostgreSQL clustering to find them).
/// </summary>
public sealed record SlaRole(string Name)
{
    public static readonly SlaRole All = new("all");
    public static readonly SlaRole Silo = new("silo");
    public static readonly SlaRole Frontend = new("frontend");

    public bool HostsGrains => this != Frontend;
    public bool ServesClients => this != Silo;

    public static SlaRole From(IConfiguration configuration, bool hasPostgres)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var name = configuration["Sla:Role"] ?? All.Name;
        var role = new[] { All, Silo, Frontend }.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"Sla:Role '{name}' is not a role: use all, silo or frontend.");
        if (role != All && !hasPostgres)
        {
            throw new InvalidOperationException(
                $"Sla:Role '{role.Name}' is part of a multi-process cluster, which finds its members through PostgreSQL: set ConnectionStrings:Postgres.");
        }
        return role;
    }
}
