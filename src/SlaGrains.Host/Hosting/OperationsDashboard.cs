using Orleans.Dashboard;
using SlaGrains.Host.Security;

namespace SlaGrains.Host.Hosting;

/// <summary>
/// The Orleans operations dashboard (Microsoft.Orleans.Dashboard) at <see cref="Path"/>. Every silo collects its
/// statistics; the roles that serve clients (<c>all</c>, <c>frontend</c>) show the page, since only they have the API
/// keys that guard it: the dashboard has no authentication of its own, so each of its endpoints needs the admin scope.
/// <c>Sla:Ops</c> binds <see cref="DashboardOptions"/>; <c>Sla:Ops:Enabled=false</c> leaves it out, with its
/// per-call profiling filter, and must then be set on every process of the cluster.
/// </summary>
public static class OperationsDashboard
{
    public const string Path = "/ops";
    public const string Section = "Sla:Ops";

    public static bool IsEnabled(IConfiguration configuration) => configuration.GetValue($"{Section}:Enabled", true);

    public static ISiloBuilder AddSlaOperationsDashboard(this ISiloBuilder silo, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(silo);
        if (IsEnabled(configuration))
        {
            silo.AddDashboard();
            Configure(silo.Services, configuration);
        }
        return silo;
    }

    /// <summary>A front-end reads the statistics the silos collect through their dashboard grains.</summary>
    public static IClientBuilder AddSlaOperationsDashboard(this IClientBuilder client, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (IsEnabled(configuration))
        {
            client.AddDashboard();
            Configure(client.Services, configuration);
        }
        return client;
    }

    public static WebApplication MapSlaOperationsDashboard(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (IsEnabled(app.Configuration))
        {
            app.MapOrleansDashboard(Path).RequireAuthorization(Scopes.Admin);
        }
        return app;
    }

    private static void Configure(IServiceCollection services, IConfiguration configuration) =>
        services.AddOptions<DashboardOptions>().Bind(configuration.GetSection(Section))
            .Validate(o => o.CounterUpdateIntervalMs >= 1000 && o.HistoryLength >= 1,
                $"{Section}: CounterUpdateIntervalMs must be at least 1000 and HistoryLength at least 1.")
            .ValidateOnStart();
}
