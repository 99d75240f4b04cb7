using SlaGrains.Client;

namespace SlaGrains.Host.Tests;

/// <summary>
/// The committed client generated from the OpenAPI document (clients/csharp/SlaGrains.Client), used against the real
/// host as an integrator would: typed requests in, typed snapshots and problems out, the contract's JSON on the wire.
/// </summary>
[Collection(HostTests.Name)]
public class GeneratedClientTests(HostFixture fixture)
{
    private SlaGrainsClient Client(string key) => new(fixture.Host.Client(key));

    [Fact]
    public async Task The_generated_client_round_trips_an_opened_event_a_batch_and_a_snapshot_read()
    {
        var admin = Client(SlaHost.AdminKey);
        var (process, entitlement, account) = (Api.Id("p"), Api.Id("e"), Api.Id("acct"));
        var stored = await admin.PutProcessAsync(process, new ProcessDefinition
        {
            Name = "Platinum Support",
            Milestones = [new MilestoneDefinition { Name = "First Response", Minutes = 60, CompletedBy = ["agentReplied"] }],
        });
        Assert.Equal(process, stored.ProcessId);
        Assert.Equal(1, stored.Version);
        Assert.True(stored.Active); // the document's default, not C#'s false
        var entitled = await admin.PutEntitlementAsync(entitlement, new EntitlementDefinition
        {
            Name = "Gold", AccountId = account, ProcessId = process, StartDate = new DateOnly(2025, 1, 1),
        });
        Assert.Equal(new DateOnly(2025, 1, 1), entitled.StartDate);
        Assert.Equal(EntitlementStatus.Active, entitled.Status);

        // An opened event (POST /api/v1/cases/{caseId}/events): the answer is the typed snapshot.
        var caseId = Api.Id("case");
        var openedAt = DateTimeOffset.UtcNow.AddMinutes(-5);
        openedAt = openedAt.AddTicks(-(openedAt.Ticks % TimeSpan.TicksPerSecond));
        var opened = await admin.ApplyCaseEventAsync(caseId, new EventRequest
        {
            EventId = "evt-1",
            Type = CaseEventType.Opened,
            OccurredAt = openedAt,
            Case = new CaseFields { AccountId = account, Priority = "High", Status = "New", Subject = "Cannot log in" },
        });
        Assert.Equal(caseId, opened.CaseId);
        Assert.Equal(openedAt, opened.OpenedAt);
        Assert.Equal(entitlement, opened.EntitlementId);
        var running = Assert.Single(opened.Milestones);
        Assert.Equal("First Response", running.Name);
        Assert.Equal(MilestoneStatus.InProgress, running.Status);
        Assert.Equal(openedAt.AddMinutes(60), running.TargetAt);

        // A batch: a bare array of events, each naming its case; one result per event, in order.
        var repliedAt = openedAt.AddMinutes(2);
        var results = (await Client(SlaHost.WriterKey).ApplyEventBatchAsync(
        [
            new EventRequest { CaseId = caseId, EventId = "evt-2", Type = CaseEventType.AgentReplied, OccurredAt = repliedAt },
            new EventRequest { CaseId = caseId, Type = CaseEventType.Updated },
        ])).ToList();
        Assert.Equal([200, 400], results.Select(r => r.Status));
        Assert.Equal("evt-2", results[0].EventId);
        Assert.Contains("eventId", results[1].Error!.Keys);

        // The snapshot read (GET /api/v1/cases/{caseId}): instants parse, the milestone is there, completed on time.
        var snapshot = await Client(SlaHost.ReaderKey).GetCaseAsync(caseId);
        Assert.True(snapshot.AsOf >= repliedAt);
        Assert.Equal(openedAt, snapshot.SlaStartAt);
        var completed = Assert.Single(snapshot.Milestones);
        Assert.Equal(MilestoneStatus.Completed, completed.Status);
        Assert.Equal(repliedAt, completed.CompletedAt);
        Assert.False(completed.IsViolated);
        Assert.Equal(CaseMilestoneStatus.Compliant, snapshot.MilestoneStatus);
        Assert.Equal(["evt-1", "evt-2"], (await admin.GetCaseEventsAsync(caseId)).Select(e => e.EventId));
    }

    [Fact]
    public async Task The_generated_client_surfaces_problem_details_as_typed_exceptions()
    {
        var reader = Client(SlaHost.ReaderKey);

        var missing = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => reader.GetCaseAsync(Api.Id("none")));
        Assert.Equal(404, missing.StatusCode);
        Assert.Equal(404, missing.Result.Status);

        var invalid = await Assert.ThrowsAsync<ApiException<HttpValidationProblemDetails>>(() => reader.GetCaseAsync("case", asOf: "yesterday"));
        Assert.Equal(400, invalid.StatusCode);
        Assert.Contains("asOf", invalid.Result.Errors.Keys);

        var forbidden = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => reader.ApplyCaseEventAsync("case", new EventRequest { EventId = "e", Type = CaseEventType.Opened }));
        Assert.Equal(403, forbidden.StatusCode);
    }

    [Fact]
    public async Task The_generated_client_deletes_and_reads_the_audit_trail_with_before_and_after_as_JSON()
    {
        var admin = Client(SlaHost.AdminKey);
        var calendar = Api.Id("cal");
        await admin.PutCalendarAsync(calendar, new CalendarDefinition { Name = "Kept in the trail", TimeZone = "Etc/UTC", AlwaysOpen = true });

        await admin.DeleteCalendarAsync(calendar);
        var page = await admin.ListAuditAsync(resource: calendar);

        Assert.Equal(["deleted", "created"], page.Items.Select(i => i.Action));
        var before = Assert.IsType<System.Text.Json.JsonElement>(page.Items[0].Before);
        Assert.Equal("Kept in the trail", before.GetProperty("name").GetString());
        Assert.Null(page.Items[0].After);
        var gone = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => admin.DeleteCalendarAsync(calendar));
        Assert.Equal(404, gone.StatusCode);
    }
}
