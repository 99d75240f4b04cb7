using Npgsql;
using Orleans.TestingHost;
using SlaGrains.Contracts.Live;
using SlaGrains.Domain.Cases;
using SlaGrains.Grains.Tests.Cases;
using SlaGrains.Host.Storage;

namespace SlaGrains.Grains.Tests.Postgres;

/// <summary>
/// Grain state and reminders in a real PostgreSQL through our own schema: they survive a full cluster restart and the
/// loss of a silo, and a deadline fires exactly once whichever silo ends up owning it.
/// </summary>
[Collection(PostgresTests.Name)]
public sealed class PostgresGrainTests(PostgresFixture fixture)
{
    private const string Reminder = "ms:first-response#1";

    [Fact]
    public async Task The_schema_applies_again_without_error_and_records_each_script()
    {
        await PostgresSchema.ApplyAsync(fixture.ConnectionString);
        await PostgresSchema.ApplyAsync(fixture.ConnectionString);

        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        Assert.Equal(20L, await Scalar(connection, "SELECT count(*) FROM orleansquery"));
        Assert.Equal((long)PostgresSchema.Scripts.Count, await Scalar(connection, "SELECT count(*) FROM sla_schema_history"));
        Assert.Equal(1L, await Scalar(connection,
            "SELECT count(*) FROM pg_indexes WHERE tablename = 'sla_reminders' AND indexdef LIKE '%(service_id, grain_hash)%'"));
    }

    [Fact]
    public async Task After_a_full_cluster_restart_the_case_is_intact_and_the_deadline_missed_while_down_fires_once()
    {
        string caseId, longCaseId = SlaDriver.NewCaseId();
        var notes = Enumerable.Range(0, 30).Select(i => $"note-{i}").ToList();
        CaseSnapshot before;
        await using (var first = await fixture.StartCluster(1))
        {
            var sla = new SlaDriver(first.Client, fixture.Clock);
            var entitlement = await sla.Entitle(milestones: SlaDriver.FirstResponse() with { Warnings = [] });
            caseId = SlaDriver.NewCaseId();
            await sla.Open(caseId, entitlement);
            before = (await sla.Send(caseId, "note", CaseEventType.Updated, changes: new CaseChanges { Owner = "sam" })).Snapshot!;
            await sla.Open(longCaseId, entitlement); // a history long enough to be sealed in steps
            foreach (var note in notes)
            {
                await sla.Send(longCaseId, note, CaseEventType.Updated, changes: new CaseChanges { Subject = note + new string('x', 990) }); // within the default 1,000-character subject
            }
            await first.StopAllSilosAsync();
        }

        fixture.Clock.Advance(TimeSpan.FromMinutes(90)); // the target passes while no silo runs

        await using var second = await fixture.StartCluster(1);
        var grain = GrainId.Create("case", caseId);
        await fixture.Probe.ArmedOn(grain, Reminder, second.Silos[0].SiloAddress);
        Assert.Empty(fixture.Publisher.NoticesFor(caseId));
        fixture.Clock.Advance(TimeSpan.FromMinutes(1)); // the next retry tick of the one-minute period

        var violation = await fixture.Publisher.WaitFor(caseId, $"{caseId}/first-response#1/violation/0m");
        Assert.Equal(before.Milestones[0].TargetAt, violation.OccurredAt);
        var after = (await second.Client.GetGrain<Contracts.Cases.ICaseGrain>(caseId).GetSnapshot(null))!;
        Assert.Equal("sam", after.Owner);
        Assert.Equal(MilestoneStatus.Violated, after.Milestones[0].Status);
        Assert.Equal(2, (await second.Client.GetGrain<Contracts.Cases.ICaseGrain>(caseId).GetHistory()).Count);
        Assert.Single(fixture.Publisher.NoticesFor(caseId), n => n.Type == SlaNotice.MilestoneViolated);
        var longHistory = await second.Client.GetGrain<Contracts.Cases.ICaseGrain>(longCaseId).GetHistory();
        Assert.Equal(["open", .. notes], longHistory.Select(e => e.EventId));
    }

    [Fact]
    public async Task Killing_the_silo_that_holds_a_case_moves_it_and_its_deadline_to_the_survivor_which_fires_it_once()
    {
        await using var cluster = await fixture.StartCluster(2);
        var sla = new SlaDriver(cluster.Client, fixture.Clock);
        var entitlement = await sla.Entitle(milestones: SlaDriver.FirstResponse() with { Warnings = [] });
        var caseId = SlaDriver.NewCaseId();
        var target = (await sla.Open(caseId, entitlement)).Snapshot!.Milestones[0].TargetAt;
        var holder = await cluster.Client.GetGrain<IManagementGrain>(0).GetActivationAddress(sla.Case(caseId));
        var victim = cluster.Silos.Single(s => s.SiloAddress == holder);
        var survivor = cluster.Silos.Single(s => s.SiloAddress != holder);

        await cluster.KillSiloAsync(victim);
        await cluster.WaitForLivenessToStabilizeAsync(didKill: true);
        await fixture.Probe.ArmedOn(GrainId.Create("case", caseId), Reminder, survivor.SiloAddress);
        fixture.Clock.Advance(TimeSpan.FromMinutes(60));

        var violation = await fixture.Publisher.WaitFor(caseId, $"{caseId}/first-response#1/violation/0m");
        Assert.Equal(target, violation.OccurredAt);
        Assert.Equal(survivor.SiloAddress, await cluster.Client.GetGrain<IManagementGrain>(0).GetActivationAddress(sla.Case(caseId)));
        Assert.Equal(MilestoneStatus.Violated, (await sla.Case(caseId).GetSnapshot(null))!.Milestones[0].Status);
        Assert.Single(fixture.Publisher.NoticesFor(caseId));
    }

    private static async Task<long> Scalar(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
