using Orleans.Dashboard;
using SlaGrains.Host.Security;

namespace SlaGrains.Host.Hosting;

/// <summary>
/// The Orleans operations dashboard (Microsoft.Orleans.Dashboard) at <see cref="Path"/>. Every silo collects its
/// statistics; the roles that serve clients (<c>all</c>, <c>frontend</c>) show the page, since only they have the API
/// keys that guard it: the dashboard has no authentication of its own, so each of its endpoints needs the admin scope.
/// </summary>
public static class OperationsDashboard
{
    public const string Path = "/ops";

    public static ISiloBuilder AddSlaOperationsDashboard(this ISiloBuilder silo) => silo.AddDashboard();

    /// <summary>A front-end reads the statistics the silos collect through their dashboard grains.</summary>
    public static IClientBuilder AddSlaOperationsDashboard(this IClientBuilder client)
    {
        client.AddDashboard();
        return client;
    }

    public static IEndpointConventionBuilder MapSlaOperationsDashboard(this WebApplication app) =>
        app.MapOrleansDashboard(Path).RequireAuthorization(Scopes.Admin);
}
