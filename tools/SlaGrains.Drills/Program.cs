using SlaGrains.Drills;

// dotnet run --project tools/SlaGrains.Drills -- kill-silo|restart-postgres [--cases 120] [--frontend http://127.0.0.1:5080] [--key dev-admin-key]
var options = DrillOptions.Parse(args);
return options.Drill switch
{
    "kill-silo" => await RunKillSilo(options),
    "restart-postgres" => await RunRestartPostgres(options),
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

static int Usage()
{
    Console.Error.WriteLine("usage: SlaGrains.Drills kill-silo|restart-postgres [--cases N] [--frontend URL] [--key KEY] [--silo N] [--recovery-seconds S]");
    Console.Error.WriteLine("Needs a running cluster: scripts/cluster.sh start 2 1");
    return 2;
}
