using System.Net;
using System.Text.Json.Nodes;

namespace SlaGrains.Host.Tests;

/// <summary>
/// Issue 20, items 1 and 2: instants outside 1900–2200, huge business-time spans and far-away <c>asOf</c>s are 4xx
/// answers or defined results, never 500s, and they do not make the host keep memory.
/// </summary>
[Collection(HostTests.Name)]
public sealed class TimeLimitsTests(HostFixture fixture)
{
    private const string Range = "from 1900-01-01T00:00:00Z (inclusive) to 2200-01-01T00:00:00Z (exclusive)";

    private static readonly object BusinessHours = new
    {
        name = "Business hours",
        timeZone = "America/New_York",
        weekly = new
        {
            monday = new[] { new { start = "09:00", end = "17:00" } },
            wednesday = new[] { new { start = "09:00", end = "17:00" } },
        },
        holidays = new[] { new { date = "2025-12-25", name = "Christmas Day", recurring = true } },
    };

    [Fact]
    public async Task Instants_outside_the_range_in_queries_are_400s_naming_the_parameter_and_the_range()
    {
        var admin = fixture.Host.Client();
        var (calendar, caseId) = await CaseOnBusinessHours(admin);

        var asOf = await (await admin.GetAsync($"/api/v1/cases/{caseId}?asOf=9999-01-01T00:00:00Z")).Problem(HttpStatusCode.BadRequest, "asOf");
        await (await admin.GetAsync($"/api/v1/cases/{caseId}?asOf=1899-12-31T23:59:59Z")).Problem(HttpStatusCode.BadRequest, "asOf");
        await (await admin.GetAsync($"/api/v1/calendars/{calendar}/add?start=0001-01-01T00:00:00Z&seconds=60")).Problem(HttpStatusCode.BadRequest, "start");
        await (await admin.GetAsync($"/api/v1/calendars/{calendar}/elapsed?from=2025-03-03T09:00:00Z&to=9999-12-31T00:00:00Z")).Problem(HttpStatusCode.BadRequest, "to");
        await (await admin.GetAsync($"/api/v1/calendars/{calendar}/elapsed?from=0001-01-01T00:00:00Z&to=2025-03-03T09:00:00Z")).Problem(HttpStatusCode.BadRequest, "from");

        Assert.Contains(Range, (string)asOf["errors"]!["asOf"]![0]!, StringComparison.Ordinal);
        var edge = await (await admin.GetAsync($"/api/v1/cases/{caseId}?asOf=2199-12-31T23:59:59Z")).Json();
        Assert.Equal("Violated", (string)edge["milestones"]![0]!["status"]!);
    }

    [Fact]
    public async Task Add_over_the_span_limit_or_past_the_range_is_a_400_naming_seconds()
    {
        var admin = fixture.Host.Client();
        var (calendar, _) = await CaseOnBusinessHours(admin);
        var always = Api.Id("cal");
        await (await admin.Put($"/api/v1/calendars/{always}", new { name = "24x7", timeZone = "Etc/UTC", alwaysOpen = true })).Json();

        var tooLong = await (await admin.GetAsync($"/api/v1/calendars/{calendar}/add?start=2025-03-03T09:00:00Z&seconds=10000000000")).Problem(HttpStatusCode.BadRequest, "seconds");
        await (await admin.GetAsync($"/api/v1/calendars/{always}/add?start=2025-03-03T09:00:00Z&seconds=1000000000000")).Problem(HttpStatusCode.BadRequest, "seconds");
        var pastTheEnd = await (await admin.GetAsync($"/api/v1/calendars/{calendar}/add?start=2190-03-03T09:00:00Z&seconds=3000000000")).Problem(HttpStatusCode.BadRequest, "seconds");
        await (await admin.GetAsync($"/api/v1/calendars/{always}/add?start=2199-12-31T23:00:00Z&seconds=3600")).Problem(HttpStatusCode.BadRequest, "seconds");
        var justInside = await (await admin.GetAsync($"/api/v1/calendars/{always}/add?start=2199-12-31T23:00:00Z&seconds=3599")).Json();
        var elapsed = await (await admin.GetAsync($"/api/v1/calendars/{calendar}/elapsed?from=1900-01-01T00:00:00Z&to=2199-12-31T23:59:59Z")).Json();

        Assert.Contains("3155760000", (string)tooLong["errors"]!["seconds"]![0]!, StringComparison.Ordinal);
        Assert.Contains(Range, (string)pastTheEnd["errors"]!["seconds"]![0]!, StringComparison.Ordinal);
        Assert.Equal("2199-12-31T23:59:59Z", (string)justInside["result"]!);
        Assert.InRange((long)elapsed["seconds"]!, 299L * 52 * 16 * 3600, 301L * 53 * 16 * 3600); // about 300 years of two 8-hour days a week
    }

    [Fact]
    public async Task Events_with_instants_outside_the_range_are_400s_naming_the_field()
    {
        var admin = fixture.Host.Client();
        var (_, entitlement, _) = await Scenario.Entitled(admin);
        var caseId = Api.Id("case");

        var old = await (await admin.Post($"/api/v1/cases/{caseId}/events", Scenario.Opened("o", entitlement, new DateTimeOffset(1, 1, 1, 0, 0, 0, TimeSpan.Zero))))
            .Problem(HttpStatusCode.BadRequest, "occurredAt");
        await (await admin.Post($"/api/v1/cases/{caseId}/events", new
        {
            eventId = "o",
            type = "opened",
            @case = new { entitlementId = entitlement, customFields = new { receivedAt = "9999-01-01T00:00:00Z" } },
        })).Problem(HttpStatusCode.BadRequest, "case.customFields.receivedAt");
        var batch = await (await admin.Post("/api/v1/events", new[]
        {
            new { caseId, eventId = "o", type = "opened", occurredAt = "1850-06-01T00:00:00Z" },
        })).Json();

        Assert.Contains(Range, (string)old["errors"]!["occurredAt"]![0]!, StringComparison.Ordinal);
        Assert.Equal(400, (int)batch[0]!["status"]!);
        Assert.NotNull(batch[0]!["error"]!["occurredAt"]);
        await (await admin.GetAsync($"/api/v1/cases/{caseId}")).Problem(HttpStatusCode.NotFound); // nothing was applied
    }

    [Fact]
    public async Task A_thousand_extreme_requests_leave_the_heap_within_50_MB_and_none_is_a_5xx()
    {
        var reader = fixture.Host.Client(SlaHost.ReaderKey);
        var admin = fixture.Host.Client();
        var (calendar, caseId) = await CaseOnBusinessHours(admin);
        string[] requests =
        [
            $"/api/v1/cases/{caseId}?asOf=9999-01-01T00:00:00Z",
            $"/api/v1/cases/{caseId}?asOf=2199-12-31T23:59:59Z",
            $"/api/v1/cases/{caseId}?asOf=1900-01-01T00:00:00Z",
            $"/api/v1/calendars/{calendar}/add?start=1900-01-01T00:00:00Z&seconds=3155760000",
            $"/api/v1/calendars/{calendar}/add?start=2025-03-03T09:00:00Z&seconds=10000000000",
            $"/api/v1/calendars/{calendar}/add?start=1900-01-01T00:00:00Z&seconds=1000000000",
            $"/api/v1/calendars/{calendar}/elapsed?from=1900-01-01T00:00:00Z&to=2199-12-31T23:59:59Z",
            $"/api/v1/calendars/{calendar}/elapsed?from=0001-01-01T00:00:00Z&to=9999-12-31T23:59:59Z",
        ];
        foreach (var path in requests)
        {
            (await reader.GetAsync(path)).Dispose(); // first compiles and JIT outside the measurement
        }

        var before = GC.GetTotalMemory(forceFullCollection: true);
        var statuses = new Dictionary<int, int>();
        for (var i = 0; i < 1000; i++)
        {
            using var response = await reader.GetAsync(requests[i % requests.Length]);
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            Assert.True(status < 500, $"{requests[i % requests.Length]} answered {status}: {await response.Content.ReadAsStringAsync()}");
        }
        var after = GC.GetTotalMemory(forceFullCollection: true);

        Assert.True(after - before < 50L * 1024 * 1024, $"the heap grew by {(after - before) / (1024 * 1024)} MB");
        Assert.Equal(1000, statuses.GetValueOrDefault(200) + statuses.GetValueOrDefault(400));
        Assert.True(statuses.GetValueOrDefault(200) > 0 && statuses.GetValueOrDefault(400) > 0);
    }

    /// <summary>A business-hours calendar, a process on it, and a case opened an hour ago under it.</summary>
    private static async Task<(string Calendar, string CaseId)> CaseOnBusinessHours(HttpClient admin)
    {
        var calendar = Api.Id("cal");
        var process = Api.Id("p");
        var entitlement = Api.Id("e");
        var caseId = Api.Id("case");
        await (await admin.Put($"/api/v1/calendars/{calendar}", BusinessHours)).Json();
        var definition = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(Scenario.FirstResponseProcess()))!;
        definition["calendarId"] = calendar;
        await (await admin.PutAsync($"/api/v1/processes/{process}", SlaHost.Json(definition.ToJsonString()))).Json();
        await (await admin.Put($"/api/v1/entitlements/{entitlement}", new { name = "Gold", accountId = Api.Id("acct"), processId = process, startDate = "2025-01-01" })).Json();
        await (await admin.Post($"/api/v1/cases/{caseId}/events", Scenario.Opened("o", entitlement, DateTimeOffset.UtcNow.AddHours(-1)))).Json();
        return (calendar, caseId);
    }
}
