using System.Net;
using System.Text.Json.Nodes;

namespace SlaGrains.Host.Tests;

/// <summary>Ids that cannot be keys, reused event ids and oversized input get a 4xx naming the field, never a 500 or a silent 200.</summary>
[Collection(HostTests.Name)]
public sealed class InputBoundsTests(HostFixture fixture)
{
    [Fact]
    public async Task Empty_or_blank_ids_in_bodies_are_400s_naming_the_field()
    {
        var admin = fixture.Host.Client();
        var (process, entitlement, account) = await Scenario.Entitled(admin);
        var now = DateTimeOffset.UtcNow;

        await (await admin.Post($"/api/v1/cases/{Api.Id("case")}/events", Scenario.Opened("o", entitlementId: null, now, accountId: "")))
            .Problem(HttpStatusCode.BadRequest, "case.accountId");
        await (await admin.Post($"/api/v1/cases/{Api.Id("case")}/events", Scenario.Opened("o", entitlementId: "", now)))
            .Problem(HttpStatusCode.BadRequest, "case.entitlementId");
        await (await admin.Post($"/api/v1/cases/{Api.Id("case")}/events", Scenario.Opened("o", entitlement, now, queue: " ")))
            .Problem(HttpStatusCode.BadRequest, "case.queue");
        await (await admin.Put($"/api/v1/processes/{Api.Id("p")}", new { name = "x", calendarId = " ", milestones = new[] { new { name = "First Response", minutes = 60 } } }))
            .Problem(HttpStatusCode.BadRequest, "calendarId");
        await (await admin.Put($"/api/v1/processes/{Api.Id("p")}", new { name = "x", milestones = new[] { new { name = "First Response", minutes = 60, calendarId = "" } } }))
            .Problem(HttpStatusCode.BadRequest, "milestones[0].calendarId");
        await (await admin.Put($"/api/v1/entitlements/{Api.Id("e")}", new { name = "x", accountId = account, processId = process, calendarId = " ", startDate = "2025-01-01" }))
            .Problem(HttpStatusCode.BadRequest, "calendarId");
        await (await admin.Put($"/api/v1/entitlements/{Api.Id("e")}", new { name = "x", accountId = account, processId = " ", startDate = "2025-01-01" }))
            .Problem(HttpStatusCode.BadRequest, "processId");

        var batch = new JsonArray(new JsonObject
        {
            ["caseId"] = Api.Id("case"), ["eventId"] = "o", ["type"] = "opened", ["case"] = new JsonObject { ["entitlementId"] = "" },
        });
        var results = (await (await admin.PostAsync("/api/v1/events", SlaHost.Json(batch.ToJsonString()))).Json()).AsArray();
        Assert.Equal(400, (int)results[0]!["status"]!);
        Assert.NotNull(results[0]!["error"]!["case.entitlementId"]);
    }

    [Fact]
    public async Task A_body_that_names_a_field_twice_in_any_case_or_sends_a_number_as_text_is_a_400_and_changes_nothing()
    {
        var admin = fixture.Host.Client();
        var (process, entitlement, _) = await Scenario.Entitled(admin);
        var caseId = Api.Id("case");
        await (await admin.Post($"/api/v1/cases/{caseId}/events", Scenario.Opened("o", entitlement, DateTimeOffset.UtcNow))).Json();
        Task<HttpResponseMessage> Send(string json) => admin.PostAsync($"/api/v1/cases/{caseId}/events", SlaHost.Json(json));

        // Each of these was a 200 that kept one of two values, or read a value the client did not mean as sent.
        var twice = await (await Send("""{"eventId":"a","eventId":"b","type":"customerReplied"}""")).Problem(HttpStatusCode.BadRequest, "eventId");
        Assert.DoesNotContain("SlaGrains", twice.ToJsonString(), StringComparison.Ordinal);
        await (await Send("""{"eventId":"c","EventId":"d","type":"customerReplied"}""")).Problem(HttpStatusCode.BadRequest, "EventId");
        await (await Send("""{"eventId":"f","type":"updated","changes":{"customFields":{"tier":"1","tier":"2"}}}""")).Problem(HttpStatusCode.BadRequest, "changes.customFields.tier");
        await (await admin.Put($"/api/v1/processes/{process}", new { name = "x", milestones = new[] { new { name = "First Response", minutes = "5" } } }))
            .Problem(HttpStatusCode.BadRequest, "milestones[0].minutes");

        Assert.Single((await (await admin.GetAsync($"/api/v1/cases/{caseId}/events")).Json()).AsArray());
        Assert.Equal(1, (int)(await (await admin.GetAsync($"/api/v1/processes/{process}")).Json())["version"]!);
        // A name in another letter case, given once, is that field.
        await (await Send("""{"EventId":"e","TYPE":"customerReplied"}""")).Json();
        Assert.Equal("e", (string)(await (await admin.GetAsync($"/api/v1/cases/{caseId}/events")).Json())[1]!["eventId"]!);
    }

    [Fact]
    public async Task A_query_value_of_the_wrong_type_is_a_400_naming_the_parameter_without_dotnet_names()
    {
        var reader = fixture.Host.Client(SlaHost.ReaderKey);

        var problem = await (await reader.GetAsync("/api/v1/queues/Tier%201/cases?limit=abc")).Problem(HttpStatusCode.BadRequest, "limit");

        Assert.Equal("'abc' is not a whole number.", (string)problem["errors"]!["limit"]![0]!);
        Assert.DoesNotContain("Nullable", problem.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_event_id_reused_with_a_different_payload_is_a_409_and_the_stored_event_stands()
    {
        var admin = fixture.Host.Client();
        var (_, entitlement, _) = await Scenario.Entitled(admin);
        var caseId = Api.Id("case");
        await (await admin.Post($"/api/v1/cases/{caseId}/events", Scenario.Opened("o", entitlement, DateTimeOffset.UtcNow.AddMinutes(-5)))).Json();
        var reply = new { eventId = "r-1", type = "agentReplied" }; // no occurredAt: the server stamps the time of receipt
        await (await admin.Post($"/api/v1/cases/{caseId}/events", reply)).Json();

        var resent = await admin.Post($"/api/v1/cases/{caseId}/events", reply);
        var reused = await admin.Post($"/api/v1/cases/{caseId}/events", new { eventId = "r-1", type = "updated", changes = new { priority = "Low" } });

        Assert.Equal("true", resent.Headers.GetValues("Idempotent-Replay").Single());
        await resent.Json();
        var problem = await reused.Problem(HttpStatusCode.Conflict, "eventId");
        Assert.Contains("different payload", (string)problem["errors"]!["eventId"]![0]!, StringComparison.Ordinal);
        var history = (await (await admin.GetAsync($"/api/v1/cases/{caseId}/events")).Json()).AsArray();
        Assert.Equal(["opened", "agentReplied"], history.Select(e => (string)e!["type"]!));
        Assert.Equal("High", (string)(await (await admin.GetAsync($"/api/v1/cases/{caseId}")).Json())["priority"]!);
    }

    [Fact]
    public async Task Acting_on_a_closed_case_is_a_409_saying_to_reopen_it_and_a_reopened_case_takes_the_action()
    {
        var admin = fixture.Host.Client();
        var (_, entitlement, _) = await Scenario.Entitled(admin);
        var caseId = Api.Id("case");
        var now = DateTimeOffset.UtcNow;
        await (await admin.Post($"/api/v1/cases/{caseId}/events", Scenario.Opened("o", entitlement, now.AddMinutes(-30)))).Json();
        await (await admin.Post($"/api/v1/cases/{caseId}/events", new { eventId = "c", type = "closed", occurredAt = now.AddMinutes(-10).ToString("O") })).Json();

        var complete = await admin.Post($"/api/v1/cases/{caseId}/events", new { eventId = "m", type = "milestoneCompleted", milestone = "First Response" });
        var priority = await admin.Post($"/api/v1/cases/{caseId}/events", new { eventId = "p", type = "updated", changes = new { priority = "Low" } });
        var owner = await admin.Post($"/api/v1/cases/{caseId}/events", new { eventId = "w", type = "updated", changes = new { owner = "ana" } });
        var late = await admin.Post($"/api/v1/cases/{caseId}/events", new { eventId = "l", type = "updated", occurredAt = now.AddMinutes(-20).ToString("O"), changes = new { priority = "Medium" } });

        Assert.Contains("'reopened'", (string)(await complete.Problem(HttpStatusCode.Conflict, "type"))["errors"]!["type"]![0]!, StringComparison.Ordinal);
        await priority.Problem(HttpStatusCode.Conflict, "changes.priority");
        Assert.Equal("ana", (string)(await owner.Json())["owner"]!); // reassigning a closed case moves no clock
        Assert.Equal("Medium", (string)(await late.Json())["priority"]!); // it happened while the case was open

        await (await admin.Post($"/api/v1/cases/{caseId}/events", new { eventId = "r", type = "reopened" })).Json();
        var again = await (await admin.Post($"/api/v1/cases/{caseId}/events", new { eventId = "p2", type = "updated", changes = new { priority = "Low" } })).Json();
        Assert.Equal("Low", (string)again["priority"]!);
        var history = (await (await admin.GetAsync($"/api/v1/cases/{caseId}/events")).Json()).AsArray();
        Assert.DoesNotContain(history, e => (string)e!["eventId"]! is "m" or "p");
    }

    [Fact]
    public async Task Oversized_fields_and_definitions_are_400s_naming_the_field_and_the_limit()
    {
        var admin = fixture.Host.Client();
        var (_, entitlement, _) = await Scenario.Entitled(admin);
        var now = DateTimeOffset.UtcNow;

        var longSubject = await (await admin.Post($"/api/v1/cases/{Api.Id("case")}/events", new
        {
            eventId = "o", type = "opened", occurredAt = now.ToString("O"),
            @case = new { entitlementId = entitlement, subject = new string('s', 1_001) },
        })).Problem(HttpStatusCode.BadRequest, "case.subject");
        Assert.Equal("At most 1,000 characters; this one has 1,001.", (string)longSubject["errors"]!["case.subject"]![0]!);

        var fields = new JsonObject();
        for (var i = 0; i < 101; i++)
        {
            fields[$"f{i}"] = "x";
        }
        var body = new JsonObject { ["eventId"] = "o", ["type"] = "opened", ["case"] = new JsonObject { ["entitlementId"] = entitlement, ["customFields"] = fields } };
        var tooMany = await (await admin.PostAsync($"/api/v1/cases/{Api.Id("case")}/events", SlaHost.Json(body.ToJsonString())))
            .Problem(HttpStatusCode.BadRequest, "case.customFields");
        Assert.Equal("At most 100 custom fields; this one has 101.", (string)tooMany["errors"]!["case.customFields"]![0]!);

        var milestones = Enumerable.Range(0, 51).Select(i => new { name = $"M{i}", minutes = 60 }).ToArray();
        var process = await (await admin.Put($"/api/v1/processes/{Api.Id("p")}", new { name = "Crowded", milestones }))
            .Problem(HttpStatusCode.BadRequest, "milestones");
        Assert.Equal("At most 50 milestones per process; this one has 51.", (string)process["errors"]!["milestones"]![0]!);

        var week = Enumerable.Range(0, 25).Select(i => new { start = $"{i % 24:00}:00", end = $"{i % 24:00}:30" }).ToArray();
        await (await admin.Put($"/api/v1/calendars/{Api.Id("cal")}", new { timeZone = "Etc/UTC", weekly = new { monday = week } }))
            .Problem(HttpStatusCode.BadRequest, "weekly.monday");
    }

    [Fact]
    public async Task Queue_names_in_paths_follow_the_queue_rule_and_a_never_used_queue_reads_empty()
    {
        var reader = fixture.Host.Client(SlaHost.ReaderKey);

        await (await reader.GetAsync("/api/v1/queues/%20/cases")).Problem(HttpStatusCode.BadRequest, "queue");
        await (await reader.GetAsync($"/api/v1/queues/{new string('q', 101)}/cases")).Problem(HttpStatusCode.BadRequest, "queue");
        Assert.Empty((await (await reader.GetAsync($"/api/v1/queues/Never%20used%20{Guid.NewGuid():N}/cases")).Json()).AsArray());
    }
}

/// <summary>The limits are settings: a host configured with smaller ones holds input to them.</summary>
public sealed class ConfiguredLimitsTests
{
    [Fact]
    public async Task Sla_Limits_settings_bound_what_the_api_accepts()
    {
        await using var host = new SlaHost(new Dictionary<string, string?>
        {
            ["Sla:Limits:MaxSubjectLength"] = "20",
            ["Sla:Limits:MaxMilestonesPerProcess"] = "1",
        });
        var admin = host.Client();
        var (_, entitlement, _) = await Scenario.Entitled(admin);

        var problem = await (await admin.Post($"/api/v1/cases/{Api.Id("case")}/events", new
        {
            eventId = "o", type = "opened", @case = new { entitlementId = entitlement, subject = new string('s', 21) },
        })).Problem(HttpStatusCode.BadRequest, "case.subject");
        Assert.Equal("At most 20 characters; this one has 21.", (string)problem["errors"]!["case.subject"]![0]!);
        await (await admin.Put($"/api/v1/processes/{Api.Id("p")}", new { name = "Two", milestones = new[] { new { name = "A", minutes = 1 }, new { name = "B", minutes = 1 } } }))
            .Problem(HttpStatusCode.BadRequest, "milestones");
    }
}
