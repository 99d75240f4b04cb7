using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace SlaGrains.Host.Tests.Reports;

/// <summary>
/// docs/api.md, "Reports", through the real host: cases with known outcomes in March 2025 on New York business hours
/// (Mon–Fri 09:00–17:00; clocks go forward on Sunday 9 March), and every figure of the report asserted.
/// </summary>
[Collection(HostTests.Name)]
public sealed class ReportsApiTests(HostFixture fixture)
{
    private readonly HttpClient _admin = fixture.Host.Client();

    private static object Process(string calendarId) => new
    {
        name = "Reported",
        calendarId,
        pausedStatuses = new[] { "Waiting on Customer" },
        milestones = new[]
        {
            new
            {
                name = "First Response",
                minutes = 60,
                minutesByPriority = new Dictionary<string, int> { ["Urgent"] = 30, ["Normal"] = 120 },
                criteria = new Dictionary<string, string[]> { ["priority"] = ["High", "Urgent", "Normal"] },
                completedBy = new[] { "agentReplied" },
            },
        },
    };

    private sealed record Setup(string Process, string Entitlement, string Calendar);

    private async Task<Setup> Entitled()
    {
        var (calendar, process, entitlement) = (Api.Id("cal"), Api.Id("p"), Api.Id("e"));
        var day = new[] { new { start = "09:00", end = "17:00" } };
        (await _admin.Put($"/api/v1/calendars/{calendar}", new
        {
            name = "US East", timeZone = "America/New_York",
            weekly = new { monday = day, tuesday = day, wednesday = day, thursday = day, friday = day },
        })).EnsureSuccessStatusCode();
        (await _admin.Put($"/api/v1/processes/{process}", Process(calendar))).EnsureSuccessStatusCode();
        (await _admin.Put($"/api/v1/entitlements/{entitlement}", new { name = "Gold", accountId = Api.Id("acct"), processId = process, startDate = "2025-01-01" }))
            .EnsureSuccessStatusCode();
        return new Setup(process, entitlement, calendar);
    }

    private async Task Send(string caseId, string type, string at, object? changes = null, string priority = "High")
    {
        var id = Api.Id("ev");
        object body = type == "opened"
            ? new { eventId = id, type, occurredAt = at, @case = new { entitlementId = changes, priority, status = "New", queue = "Tier 1" } }
            : changes is null ? new { eventId = id, type, occurredAt = at } : new { eventId = id, type, occurredAt = at, changes };
        await (await _admin.Post($"/api/v1/cases/{caseId}/events", body)).Json();
    }

    /// <summary>Nine cases, one per kind of outcome; returns the case whose reply arrives late.</summary>
    private async Task<string> Outcomes(Setup s)
    {
        async Task<string> Open(string at, string priority = "High")
        {
            var caseId = Api.Id("case");
            await Send(caseId, "opened", at, s.Entitlement, priority);
            return caseId;
        }
        var met = await Open("2025-03-03T10:00:00-05:00");
        await Send(met, "agentReplied", "2025-03-03T10:40:00-05:00");
        var late = await Open("2025-03-03T16:30:00-05:00");
        await Send(late, "agentReplied", "2025-03-04T09:45:00-05:00");
        var canceled = await Open("2025-03-03T10:00:00-05:00");
        await Send(canceled, "updated", "2025-03-03T10:30:00-05:00", new { priority = "Low" });
        var breachedThenCanceled = await Open("2025-03-03T10:00:00-05:00");
        await Send(breachedThenCanceled, "updated", "2025-03-03T11:30:00-05:00", new { priority = "Low" });
        var paused = await Open("2025-03-03T10:00:00-05:00");
        await Send(paused, "updated", "2025-03-03T10:10:00-05:00", new { status = "Waiting on Customer" });
        await Send(paused, "updated", "2025-03-03T10:40:00-05:00", new { status = "Working" });
        await Send(paused, "agentReplied", "2025-03-03T11:20:00-05:00");
        var reopened = await Open("2025-03-03T10:00:00-05:00");
        await Send(reopened, "closed", "2025-03-03T10:30:00-05:00");
        await Send(reopened, "reopened", "2025-03-03T11:00:00-05:00");
        await Send(reopened, "closed", "2025-03-03T11:30:00-05:00");
        var flipped = await Open("2025-03-03T10:00:00-05:00"); // violated until its reply, which happened at 10:50, arrives
        var urgent = await Open("2025-03-03T10:00:00-05:00");
        await Send(urgent, "updated", "2025-03-03T10:05:00-05:00", new { priority = "Urgent", queue = "Tier 2" });
        await Send(urgent, "agentReplied", "2025-03-03T10:45:00-05:00");
        var acrossDst = await Open("2025-03-07T16:00:00-05:00", priority: "Normal");
        await Send(acrossDst, "agentReplied", "2025-03-10T10:30:00-04:00");
        return flipped;
    }

    private static string Compliance(Setup s, string more = "") =>
        $"/api/v1/reports/compliance?from=2025-03-01T00:00:00Z&to=2025-04-01T00:00:00Z&processId={s.Process}{more}";

    private static void Figures(JsonNode row, long met, long metLate, long violated, long open, long canceled, double? attainment,
        long? median, long? p90, long overdue, double? mean)
    {
        Assert.Equal((met, metLate, violated, open, canceled), ((long)row["met"]!, (long)row["metLate"]!, (long)row["violated"]!, (long)row["open"]!, (long)row["canceled"]!));
        Assert.Equal(attainment, (double?)row["attainmentPercent"]);
        Assert.Equal((median, p90), ((long?)row["medianSecondsToComplete"], (long?)row["p90SecondsToComplete"]));
        Assert.Equal((overdue, mean), ((long)row["overdueSecondsTotal"]!, (double?)row["overdueSecondsMean"]));
    }

    [Fact]
    public async Task Compliance_by_queue_per_week_in_New_York_gives_every_figure_of_known_outcomes()
    {
        var s = await Entitled();
        var flipped = await Outcomes(s);
        var url = Compliance(s, "&groupBy=queue&interval=week&timeZone=America/New_York");
        var before = await (await _admin.GetAsync(url)).Json();
        Assert.Equal(2, (long)before["totals"]!["violated"]!); // the reply of 10:50 has not arrived yet

        await Send(flipped, "agentReplied", "2025-03-03T10:50:00-05:00");
        var report = await (await fixture.Host.Client(SlaHost.ReaderKey).GetAsync(url)).Json();

        Assert.Equal(("week", "America/New_York"), ((string)report["interval"]!, (string)report["timeZone"]!));
        var rows = report["rows"]!.AsArray();
        Assert.Equal(3, rows.Count);
        Assert.Equal(("2025-03-03T05:00:00Z", "Tier 1"), ((string)rows[0]!["periodStart"]!, (string)rows[0]!["group"]!["queue"]!));
        // met, paused, reopened, flipped; late; breached then canceled; canceled. Business seconds 1800, 2400, 3000, 3000, 4500.
        Figures(rows[0]!, 4, 1, 1, 0, 1, 66.67, 3000, 4500, 2700, 1350);
        Assert.Equal(("2025-03-03T05:00:00Z", "Tier 2"), ((string)rows[1]!["periodStart"]!, (string)rows[1]!["group"]!["queue"]!));
        Figures(rows[1]!, 0, 1, 0, 0, 0, 0, 2700, 2700, 900, 900); // Urgent: 30 minutes from 10:00, replied at 10:45
        Assert.Equal(("2025-03-10T04:00:00Z", "Tier 1"), ((string)rows[2]!["periodStart"]!, (string)rows[2]!["group"]!["queue"]!));
        Figures(rows[2]!, 0, 1, 0, 0, 0, 0, 9000, 9000, 1800, 1800); // Friday 16:00 EST to Monday 10:30 EDT: 2.5 business hours
        Figures(report["totals"]!, 4, 3, 1, 0, 1, 50, 3000, 9000, 5400, 1350);
    }

    [Fact]
    public async Task Facts_page_as_JSON_and_stream_as_CSV()
    {
        var s = await Entitled();
        await Outcomes(s);
        var url = $"/api/v1/reports/milestones?from=2025-03-01T00:00:00Z&to=2025-04-01T00:00:00Z&processId={s.Process}";

        var first = await (await _admin.GetAsync(url + "&limit=5")).Json();
        var second = await (await _admin.GetAsync(url + $"&limit=5&cursor={first["nextCursor"]}")).Json();
        Assert.Equal(5, first["items"]!.AsArray().Count);
        Assert.Equal(4, second["items"]!.AsArray().Count);
        Assert.Null(second["nextCursor"]);
        var targets = first["items"]!.AsArray().Concat(second["items"]!.AsArray()).Select(f => (string)f!["targetAt"]!).ToList();
        Assert.Equal(targets.Order(StringComparer.Ordinal), targets);
        var dst = second["items"]!.AsArray()[^1]!;
        Assert.Equal(("MetLate", "2025-03-10T14:00:00Z", "2025-03-10T14:30:00Z", 9000L, 1800L, "first-response#1"),
            ((string)dst["status"]!, (string)dst["targetAt"]!, (string)dst["completedAt"]!, (long)dst["secondsToComplete"]!, (long)dst["overdueSeconds"]!, (string)dst["milestoneId"]!));

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        var csv = await _admin.SendAsync(request);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("caseId,milestoneId,milestone,instance,processId,processVersion,entitlementId,accountId,queue,priority,owner,calendarId," +
                     "status,startedAt,targetAt,completedAt,violatedAt,secondsToComplete,pausedSeconds,overdueSeconds", lines[0]);
        Assert.Equal(10, lines.Length);
        Assert.Equal($"{dst["caseId"]},first-response#1,First Response,1,{s.Process},1,{s.Entitlement},,Tier 1,Normal,,{s.Calendar}," +
                     "MetLate,2025-03-07T21:00:00Z,2025-03-10T14:00:00Z,2025-03-10T14:30:00Z,2025-03-10T14:00:00Z,9000,0,1800", lines[^1]);
    }

    [Fact]
    public async Task An_answer_is_304_to_its_own_ETag_until_an_outcome_changes()
    {
        var s = await Entitled();
        var url = Compliance(s);
        var first = await _admin.GetAsync(url);
        var tag = first.Headers.ETag!;
        Assert.Equal(0, (long)(await first.Json())["totals"]!["met"]!);

        using var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(tag);
        Assert.Equal(HttpStatusCode.NotModified, (await _admin.SendAsync(again)).StatusCode);

        var caseId = Api.Id("case");
        await Send(caseId, "opened", "2025-03-03T10:00:00-05:00", s.Entitlement);
        await Send(caseId, "agentReplied", "2025-03-03T10:10:00-05:00");
        using var after = new HttpRequestMessage(HttpMethod.Get, url);
        after.Headers.IfNoneMatch.Add(tag);
        var changed = await _admin.SendAsync(after);
        Assert.NotEqual(tag, changed.Headers.ETag);
        Assert.Equal(1, (long)(await changed.Json())["totals"]!["met"]!); // in the answer to the event's own response already
    }

    private static object WhatIf(Setup s, object process) => new
    {
        process,
        processId = s.Process,
        from = "2025-03-01T00:00:00Z",
        to = "2025-04-01T00:00:00Z",
        groupBy = new[] { "queue" },
        interval = "week",
        timeZone = "America/New_York",
    };

    [Fact]
    public async Task What_if_with_the_current_process_reproduces_the_actual_report_exactly()
    {
        var s = await Entitled();
        var flipped = await Outcomes(s);
        await Send(flipped, "agentReplied", "2025-03-03T10:50:00-05:00");
        var report = await (await _admin.GetAsync(Compliance(s, "&groupBy=queue&interval=week&timeZone=America/New_York"))).Json();

        var answer = await (await _admin.Post("/api/v1/reports/what-if", WhatIf(s, Process(s.Calendar)))).Json();

        Assert.Equal(9, (int)answer["cases"]!);
        Assert.True(JsonNode.DeepEquals(report, answer["actual"]), $"{report}\n{answer["actual"]}");
        Assert.True(JsonNode.DeepEquals(answer["actual"], answer["draft"]), $"{answer["actual"]}\n{answer["draft"]}");
    }

    [Fact]
    public async Task What_if_with_a_shorter_target_turns_met_into_late_and_a_cancellation_into_a_breach()
    {
        var s = await Entitled();
        var flipped = await Outcomes(s);
        await Send(flipped, "agentReplied", "2025-03-03T10:50:00-05:00");
        var draft = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(Process(s.Calendar)))!;
        draft["milestones"]![0]!["minutes"] = 20;

        var answer = await (await _admin.Post("/api/v1/reports/what-if", WhatIf(s, draft))).Json();

        Figures(answer["actual"]!["totals"]!, 4, 3, 1, 0, 1, 50, 3000, 9000, 5400, 1350);
        var t = answer["draft"]!["totals"]!;
        // Every High case passes 10:20 (or 16:50) unanswered; the one moved to Low at 10:30 had breached by then.
        Assert.Equal((0L, 7L, 2L, 0L, 0L, 0.0), ((long)t["met"]!, (long)t["metLate"]!, (long)t["violated"]!, (long)t["open"]!, (long)t["canceled"]!, (double)t["attainmentPercent"]!));
        await (await _admin.GetAsync($"/api/v1/processes/{s.Process}/versions/2")).Problem(HttpStatusCode.NotFound); // the draft is not stored
    }

    [Fact]
    public async Task What_if_validates_the_draft_as_PUT_does_and_needs_an_existing_process()
    {
        var s = await Entitled();
        var draft = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(Process(s.Calendar)))!;
        draft["calendarId"] = "no-such-calendar";

        var invalid = await (await _admin.Post("/api/v1/reports/what-if", WhatIf(s, draft))).Problem(HttpStatusCode.BadRequest);
        Assert.Contains(invalid["errors"]!.AsObject(), e => e.Key.StartsWith("process.", StringComparison.Ordinal));
        await (await _admin.Post("/api/v1/reports/what-if", WhatIf(s with { Process = "nobody" }, Process(s.Calendar)))).Problem(HttpStatusCode.NotFound);
        await (await _admin.Post("/api/v1/reports/what-if", new { process = Process(s.Calendar), processId = s.Process, from = "2025-03-01T00:00:00Z", to = "2025-04-01T00:00:00Z", timeZone = "Nowhere/Land" }))
            .Problem(HttpStatusCode.BadRequest, "timeZone");
    }

    [Theory]
    [InlineData("from=2025-03-01T00:00:00Z&to=2025-04-01T00:00:00Z&groupBy=queue,team", "groupBy")]
    [InlineData("from=2025-03-01T00:00:00Z&to=2025-04-01T00:00:00Z&groupBy=queue,milestone,owner", "groupBy")]
    [InlineData("from=2025-04-01T00:00:00Z&to=2025-03-01T00:00:00Z", "from")]
    [InlineData("from=2024-01-01T00:00:00Z&to=2025-04-01T00:00:00Z", "to")]
    [InlineData("from=2025-03-01T00:00:00Z&to=2025-04-01T00:00:00Z&timeZone=Mars/Olympus", "timeZone")]
    [InlineData("from=2025-03-01T00:00:00Z&to=2025-04-01T00:00:00Z&interval=fortnight", "interval")]
    [InlineData("from=2025-01-01T00:00:00Z&to=2025-04-01T00:00:00Z&interval=hour", "interval")]
    [InlineData("to=2025-04-01T00:00:00Z", "from")]
    public async Task Bad_input_is_a_400_naming_the_parameter(string query, string field) =>
        await (await _admin.GetAsync($"/api/v1/reports/compliance?{query}")).Problem(HttpStatusCode.BadRequest, field);

    [Fact]
    public async Task Reports_need_the_read_scope()
    {
        var url = "/api/v1/reports/compliance?from=2025-03-01T00:00:00Z&to=2025-04-01T00:00:00Z";
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.Host.Client(SlaHost.WriterKey).GetAsync(url)).StatusCode);
        await (await _admin.GetAsync("/api/v1/reports/milestones?from=2025-03-01T00:00:00Z&to=2025-04-01T00:00:00Z&cursor=nonsense")).Problem(HttpStatusCode.BadRequest, "cursor");
    }
}
