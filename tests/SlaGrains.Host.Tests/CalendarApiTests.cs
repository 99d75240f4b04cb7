using System.Globalization;
using System.Net;
using SlaGrains.Tests.Shared;

namespace SlaGrains.Host.Tests;

[Collection(HostTests.Name)]
public sealed class CalendarApiTests(HostFixture fixture)
{
    private static object UsEast(string zone = "America/New_York") => new
    {
        name = "US East support hours",
        timeZone = zone,
        weekly = new
        {
            monday = new[] { new { start = "09:00", end = "17:00" } },
            tuesday = new[] { new { start = "09:00", end = "12:00" }, new { start = "13:00", end = "17:00" } },
        },
        holidays = new[] { new { date = "2025-12-25", name = "Christmas Day", recurring = true } },
    };

    [Fact]
    public async Task A_calendar_is_stored_read_listed_and_an_identical_put_changes_nothing()
    {
        var admin = fixture.Host.Client();
        var id = Api.Id("cal");

        var first = await (await admin.Put($"/api/v1/calendars/{id}", UsEast())).Json();
        var again = await (await admin.Put($"/api/v1/calendars/{id}", UsEast())).Json();
        var read = await (await fixture.Host.Client(SlaHost.ReaderKey).GetAsync($"/api/v1/calendars/{id}")).Json();
        var list = await (await admin.GetAsync("/api/v1/calendars")).Json();

        Assert.Equal(id, (string)first["calendarId"]!);
        Assert.Equal((string)first["updatedAt"]!, (string)again["updatedAt"]!);
        Assert.Equal("13:00", (string)read["weekly"]!["tuesday"]![1]!["start"]!);
        Assert.Contains(list.AsArray(), c => (string)c!["calendarId"]! == id);
    }

    [Fact]
    public async Task Invalid_calendars_are_400s_naming_the_field_and_unknown_ones_404()
    {
        var admin = fixture.Host.Client();
        var id = Api.Id("cal");

        await (await admin.Put($"/api/v1/calendars/{id}", UsEast("Nowhere/Special"))).Problem(HttpStatusCode.BadRequest, "timeZone");
        await (await admin.PutAsync($"/api/v1/calendars/{id}", SlaHost.Json("""{"name":"x","timeZone":"Etc/UTC","weekly":{"monday":[{"start":"9am","end":"17:00"}]}}""")))
            .Problem(HttpStatusCode.BadRequest, "weekly.monday[0].start");
        await (await admin.PutAsync($"/api/v1/calendars/{id}", SlaHost.Json("""{"name":"x","timeZone":"Etc/UTC","alwaysOpen":true,"colour":"red"}""")))
            .Problem(HttpStatusCode.BadRequest, "colour");
        await (await admin.PutAsync($"/api/v1/calendars/{id}", SlaHost.Json("""{"name":"x","timeZone":"""))).Problem(HttpStatusCode.BadRequest);
        await (await admin.GetAsync($"/api/v1/calendars/{id}")).Problem(HttpStatusCode.NotFound);
        await (await admin.GetAsync($"/api/v1/calendars/{id}/add?start=2025-03-03T09:00:00Z&seconds=60")).Problem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_public_business_time_examples_hold_through_the_helper_endpoints()
    {
        var admin = fixture.Host.Client();
        var checkedCount = 0;
        foreach (var example in BusinessTimeExample.Load().Where(e => !e.HasPauses))
        {
            var id = Api.Id("ex");
            await (await admin.Put($"/api/v1/calendars/{id}", example.Calendar())).Json();
            if (example.Op == "add")
            {
                var seconds = example.Minutes * 60;
                if (seconds != Math.Floor(seconds))
                {
                    continue; // the endpoint takes whole seconds
                }
                var result = await (await admin.GetAsync(
                    $"/api/v1/calendars/{id}/add?start={Uri.EscapeDataString(Iso(example.Start))}&seconds={(long)seconds}")).Json();
                Assert.True(BusinessTimeExample.Parse((string)result["result"]!) == example.ExpectedInstant, $"{example.Source}: {result}");
            }
            else
            {
                var result = await (await admin.GetAsync(
                    $"/api/v1/calendars/{id}/elapsed?from={Uri.EscapeDataString(Iso(example.Start))}&to={Uri.EscapeDataString(Iso(example.End))}")).Json();
                Assert.True((long)result["seconds"]! == (long)Math.Truncate(example.ExpectedMinutes * 60), $"{example.Source}: {result}");
            }
            checkedCount++;
        }
        Assert.True(checkedCount > 100, $"only {checkedCount} examples ran");
    }

    [Fact]
    public async Task The_helpers_refuse_bad_parameters_by_name()
    {
        var admin = fixture.Host.Client();
        var id = Api.Id("cal");
        await (await admin.Put($"/api/v1/calendars/{id}", UsEast())).Json();

        await (await admin.GetAsync($"/api/v1/calendars/{id}/add?start=yesterday&seconds=5")).Problem(HttpStatusCode.BadRequest, "start");
        await (await admin.GetAsync($"/api/v1/calendars/{id}/add?start=2025-03-03T09:00:00Z&seconds=-5")).Problem(HttpStatusCode.BadRequest, "seconds");
        await (await admin.GetAsync($"/api/v1/calendars/{id}/elapsed?from=2025-03-03T09:00:00Z")).Problem(HttpStatusCode.BadRequest, "to");
    }

    private static string Iso(NodaTime.Instant instant) => instant.ToDateTimeOffset().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
