using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using SlaGrains.Grains.Webhooks;
using SlaGrains.Tests.Shared.Webhooks;

namespace SlaGrains.Host.Tests;

/// <summary>Delivery runs beside intake, never in its way: receivers that hang, and the outbox's wake reminder.</summary>
public sealed class WebhookDeliveryTests : IClassFixture<WebhookDeliveryTests.Fixture>
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(20); // failure guard only: answers take milliseconds

    private readonly WebhookHost _host;
    private readonly WebhookStubResolver _resolver;

    public WebhookDeliveryTests(Fixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        _host = fixture.Host;
        _resolver = fixture.Resolver;
    }

    [Fact]
    public async Task A_receiver_that_never_answers_delays_no_case_and_no_other_webhook()
    {
        await using var hanging = new HangingReceiver();
        hanging.Start();
        await using var healthy = new WebhookReceiver(failFirst: 0);
        await healthy.StartAsync();
        var admin = _host.Client();
        var stuck = Api.Id("hook");
        var working = Api.Id("hook");
        await (await admin.Put($"/api/v1/webhooks/{stuck}", new { url = hanging.Url, events = new[] { "milestone.violated" }, secret = WebhookReceiver.Secret })).Json();
        await (await admin.Put($"/api/v1/webhooks/{working}", new { url = healthy.Url, events = new[] { "milestone.violated" }, secret = WebhookReceiver.Secret })).Json();
        var (_, entitlement, _) = await Scenario.Entitled(admin);

        // The first violation leaves a delivery hanging at the stuck receiver (the timeout is ten minutes).
        var cases = Enumerable.Range(0, 6).Select(_ => Api.Id("case")).ToList();
        await Open(admin, cases[0], entitlement);
        await hanging.Requested.WaitAsync(Guard);

        // Every other case violated on arrival is applied at once: 200, not a replay of a timed-out attempt.
        foreach (var caseId in cases.Skip(1))
        {
            await Open(admin, caseId, entitlement);
        }
        var record = await (await admin.GetAsync($"/api/v1/webhooks/{stuck}").WaitAsync(Guard)).Json();
        Assert.True((int)record["pending"]! >= 1, $"the hanging delivery is still pending: {record}");
        await (await admin.GetAsync($"/api/v1/webhooks/{stuck}/deliveries").WaitAsync(Guard)).Json();

        // The healthy webhook received every violation meanwhile, while the stuck one's first send still hangs.
        var expected = cases.Select(c => $"{c}/first-response#1/violation/0m").ToList();
        await Until(() => expected.All(healthy.Accepted.ContainsKey), () => $"healthy receiver got {healthy.Accepted.Count} of {expected.Count}; {admin.GetStringAsync($"/api/v1/webhooks/{working}").Result} {admin.GetStringAsync($"/api/v1/webhooks/{working}/deliveries").Result} {healthy.Attempts.Count} attempts; host warnings:\n{Warnings()}");
        Assert.False(hanging.Requested.IsFaulted);
    }

    [Fact]
    public async Task Once_the_outbox_is_empty_the_wake_reminder_is_gone_and_nothing_was_logged_as_a_warning()
    {
        await using var receiver = new WebhookReceiver(failFirst: 0);
        await receiver.StartAsync();
        var admin = _host.Client();
        var webhook = Api.Id("hook");
        await (await admin.Put($"/api/v1/webhooks/{webhook}", new { url = receiver.Url, events = new[] { "milestone.violated" }, secret = WebhookReceiver.Secret })).Json();
        var (_, entitlement, _) = await Scenario.Entitled(admin);
        var caseId = Api.Id("case");
        await Open(admin, caseId, entitlement);
        var deliveryId = $"{caseId}/first-response#1/violation/0m";
        await Until(() => receiver.Accepted.ContainsKey(deliveryId), () => "the delivery never arrived");

        var reminders = _host.Services.GetRequiredService<IReminderTable>();
        var grain = GrainId.Create("webhook", webhook);
        await Until(() => reminders.ReadRows(grain).GetAwaiter().GetResult().Reminders.Count == 0, () => "the wake reminder is still registered");
        var record = await (await admin.GetAsync($"/api/v1/webhooks/{webhook}")).Json();
        Assert.Equal(0, (int)record["pending"]!);
        var warnings = _host.Warnings.GetSnapshot().Where(r => $"{r.Message} {r.Exception}".Contains(webhook, StringComparison.Ordinal)).ToList();
        Assert.True(warnings.Count == 0, string.Join('\n', warnings.Select(w => $"{w.Category}: {w.Message} {w.Exception}")));
    }

    [Fact]
    public async Task A_dead_receiver_gets_at_most_MaxConcurrency_sends_at_once_and_a_full_outbox_logs_what_it_refused()
    {
        await using var hanging = new HangingReceiver();
        hanging.Start();
        var admin = _host.Client();
        var stuck = Api.Id("hook");
        await (await admin.Put($"/api/v1/webhooks/{stuck}", new { url = hanging.Url, events = new[] { "milestone.violated" }, secret = WebhookReceiver.Secret })).Json();
        var (_, entitlement, _) = await Scenario.Entitled(admin);
        var cases = Enumerable.Range(0, 10).Select(_ => Api.Id("case")).ToList();
        foreach (var caseId in cases)
        {
            await Open(admin, caseId, entitlement);
        }

        // MaxConcurrency = 2: two sends hang, the others wait their turn; MaxPending = 8: the last two are refused.
        await Until(() => hanging.Connections == 2, () => $"{hanging.Connections} connections");
        var record = await (await admin.GetAsync($"/api/v1/webhooks/{stuck}")).Json();
        Assert.Equal(8, (int)record["pending"]!);
        var log = (await (await admin.GetAsync($"/api/v1/webhooks/{stuck}/deliveries")).Json()).AsArray();
        var refused = log.Where(a => (string)a!["outcome"]! == "gaveUp").ToList();
        Assert.Equal(cases[8..].Select(c => $"{c}/first-response#1/violation/0m").Order(), refused.Select(a => (string)a!["deliveryId"]!).Order());
        Assert.All(refused, a => Assert.Contains("MaxPending", (string)a!["error"]!, StringComparison.Ordinal));
        Assert.Equal(2, hanging.Connections);
    }

    [Fact]
    public async Task A_name_that_resolves_to_a_private_address_is_refused_when_connecting()
    {
        var admin = _host.Client();
        var webhook = Api.Id("hook");
        // The name passes registration (it is not an address); the stub resolver maps it to 10.0.0.1.
        await (await admin.Put($"/api/v1/webhooks/{webhook}", new { url = $"http://{Fixture.InternalName}:8080/hook", events = new[] { "milestone.violated" }, secret = WebhookReceiver.Secret })).Json();
        var (_, entitlement, _) = await Scenario.Entitled(admin);
        await Open(admin, Api.Id("case"), entitlement);

        var error = await FirstError(admin, webhook);
        Assert.StartsWith("refused by the outbound URL policy", error, StringComparison.Ordinal);
        Assert.Contains(Fixture.InternalName, _resolver.Asked);
    }

    [Fact]
    public async Task Redirects_are_not_followed_and_a_closed_port_says_connection_failed()
    {
        await using var redirecting = new WebhookReceiver(failFirst: int.MaxValue, redirect: true);
        await redirecting.StartAsync();
        var admin = _host.Client();
        var redirected = Api.Id("hook");
        var closed = Api.Id("hook");
        await (await admin.Put($"/api/v1/webhooks/{redirected}", new { url = redirecting.Url, events = new[] { "milestone.violated" }, secret = WebhookReceiver.Secret })).Json();
        await (await admin.Put($"/api/v1/webhooks/{closed}", new { url = $"http://127.0.0.1:{ClosedPort()}/hook", events = new[] { "milestone.violated" }, secret = WebhookReceiver.Secret })).Json();
        var (_, entitlement, _) = await Scenario.Entitled(admin);
        await Open(admin, Api.Id("case"), entitlement);

        Assert.Equal("the receiver answered 307", await FirstError(admin, redirected));
        Assert.Equal(0, redirecting.Redirected);
        Assert.Equal("connection failed", await FirstError(admin, closed)); // not the socket's "Connection refused (127.0.0.1:...)"
    }

    [Theory]
    [InlineData("http://localhost/hook")]
    [InlineData("http://api.localhost/hook")]
    [InlineData("http://127.0.0.2/hook")]
    [InlineData("http://[::1]/hook")]
    [InlineData("http://0x7f000002/hook")]
    [InlineData("http://2130706434/hook")]
    [InlineData("http://10.0.0.1/hook")]
    [InlineData("http://172.16.0.1/hook")]
    [InlineData("http://192.168.1.1/hook")]
    [InlineData("http://100.64.0.1/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("http://[fd00::1]/hook")]
    [InlineData("http://[fe80::1]/hook")]
    [InlineData("http://[::ffff:10.0.0.1]/hook")]
    [InlineData("http://0.0.0.0/hook")]
    [InlineData("http://224.0.0.1/hook")]
    [InlineData("http://255.255.255.255/hook")]
    [InlineData("https://user:password@example.org/hook")]
    public async Task Registering_an_internal_or_credentialed_url_is_refused_naming_url(string url)
    {
        var admin = _host.Client();
        var webhook = Api.Id("hook");
        await (await admin.Put($"/api/v1/webhooks/{webhook}", new { url, events = new[] { "milestone.violated" }, secret = WebhookReceiver.Secret }))
            .Problem(HttpStatusCode.BadRequest, "url");
        await (await admin.GetAsync($"/api/v1/webhooks/{webhook}")).Problem(HttpStatusCode.NotFound);
    }

    private string Warnings() => string.Join('\n', _host.Warnings.GetSnapshot().Select(w => $"{w.Category}: {w.Message} {w.Exception?.GetType().Name}: {w.Exception?.Message}"));

    private static async Task<string> FirstError(HttpClient admin, string webhook)
    {
        string? error = null;
        await Until(() =>
        {
            var log = admin.GetAsync($"/api/v1/webhooks/{webhook}/deliveries").GetAwaiter().GetResult().Json().GetAwaiter().GetResult().AsArray();
            error = log.LastOrDefault()?["error"]?.GetValue<string>();
            return error is not null;
        }, () => $"no attempt logged for {webhook}");
        return error!;
    }

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port; // closed again when the listener is disposed
    }

    private static async Task Open(HttpClient admin, string caseId, string entitlement)
    {
        // Opened 61 minutes ago against a 60-minute First Response: violated the moment it is applied.
        using var response = await admin.Post($"/api/v1/cases/{caseId}/events", Scenario.Opened("o", entitlement, DateTimeOffset.UtcNow.AddMinutes(-61))).WaitAsync(Guard);
        await response.Json();
        Assert.False(response.Headers.Contains("Idempotent-Replay"), $"{caseId} was answered as a replay");
    }

    private static async Task Until(Func<bool> condition, Func<string> failure)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, failure());
            await Task.Delay(20); // deliveries happen in the background
        }
    }

    public sealed class Fixture : IAsyncLifetime
    {
        public const string InternalName = "internal.test";

        public Fixture()
        {
            Host = new WebhookHost(
                new Dictionary<string, string?>
                {
                    ["Sla:Webhooks:Timeout"] = "00:10:00", // a hanging send outlives every test
                    ["Sla:Webhooks:MaxConcurrency"] = "2",
                    ["Sla:Webhooks:MaxPending"] = "8", // more than the hanging test's cases: the healthy webhook never fills up
                },
                services => services.AddSingleton<IHostResolver>(Resolver));
        }

        public WebhookStubResolver Resolver { get; } = new(new Dictionary<string, IPAddress[]>
        {
            [InternalName] = [IPAddress.Parse("10.0.0.1")],
        });

        public WebhookHost Host { get; }

        public Task InitializeAsync()
        {
            Host.StartServer();
            return Task.CompletedTask;
        }

        public async Task DisposeAsync() => await Host.DisposeAsync();
    }
}
