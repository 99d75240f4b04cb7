using SlaGrains.Contracts.Reports;
using SlaGrains.Grains.Reports;

namespace SlaGrains.Host.Reports;

public static class ReportsSetup
{
    /// <summary>
    /// Reports' store, shared by the silo's cases (which write it) and the API (which reads it): PostgreSQL with a
    /// connection string, this process's memory in the embedded mode.
    /// </summary>
    /// <param name="enabled"><c>Sla:Reports:Enabled</c>: false keeps no facts at all (<see cref="ReportsOff"/>).</param>
    public static IServiceCollection AddSlaReports(this IServiceCollection services, string? postgres, bool enabled = true)
    {
        if (!enabled)
        {
            services.AddSingleton<IReportStore, ReportsOff>();
        }
        else if (postgres is null)
        {
            services.AddSingleton<IReportStore, InMemoryReportStore>();
        }
        else
        {
            services.AddSingleton<IReportStore>(sp => new PostgresReportStore(postgres, sp.GetRequiredService<ILogger<PostgresReportStore>>()));
        }
        services.AddSingleton<WhatIfRunner>();
        return services;
    }
}
