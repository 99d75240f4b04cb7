using SlaGrains.Drills;

// dotnet run --project tools/SlaGrains.Drills -- kill-silo|restart-postgres|refuse-database [--cases 120] [--frontend http://127.0.0.1:5080] [--key dev-admin-key]
// kill-silo receives the cluster's email alerts at 127.0.0.1:--smtp-port (2526): start the cluster with Sla__Email__Host/Port set to it.
// refuse-database: the outage drill on a shared server, on the database SLA_CLUSTER_DATABASE names (scripts/cluster.sh's).
var options = DrillOptions.Parse(args);
return options.Drill switch
{
    "kill-silo" => await RunKillSilo(options),
    "restart-postgres" => await RunRestartPostgres(options),
    "refuse-database" => await RunRefuseDatabase(options),
    _ => Usage(),
};

static async Task<int> RunKillSilo(DrillOptions options)
{
    using var drill = new ClusterDrills(options);
    return await drill.KillSilo();
}

static async Task<int> RunRestartPostgres(DrillOptions options)
{
    using var drill = new ClusterDrills(options);
    return await drill.RestartPostgres();
}

static async Task<int> RunRefuseDatabase(DrillOptions options)
{
    using var drill = new ClusterDrills(options);
    var database = Environment.GetEnvironmentVariable("SLA_CLUSTER_DATABASE") is { Length: > 0 } name ? name : "slagrains";
    // Connected to the server's own database: a database cannot be closed from a session inside it.
    var server = Environment.GetEnvironmentVariable("SLA_DRILL_SERVER") ?? "Host=localhost;Username=slagrains;Password=slagrains;Database=slagrains";
    return await drill.RefuseDatabase(server, database);
}

static int Usage()
{
    Console.Error.WriteLine("usage: SlaGrains.Drills kill-silo|restart-postgres|refuse-database [--cases N] [--frontend URL] [--key KEY] [--silo N] [--recovery-seconds S] [--smtp-port P]");
    Console.Error.WriteLine("Needs a running cluster: scripts/cluster.sh start 2 1");
    return 2;
}
