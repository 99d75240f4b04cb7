using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using SlaGrains.Contracts.Email;
using SlaGrains.Domain.Cases;

namespace SlaGrains.Host.Tests;

/// <summary>
/// The actions beyond webhooks through the API (docs/api.md, "Actions"): a success field update, tasks completed by
/// event, and email alerts sent to an SMTP server running in the test on loopback, retried and sent once.
/// </summary>
public sealed class ActionApiTests : IClassFixture<ActionApiTests.Fixture>
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30); // failure guard only: sends take milliseconds

    private readonly Fixture _fixture;

    public ActionApiTests(Fixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        _fixture = fixture;
    }

    private SlaHost Host => _fixture.Host;
    private SmtpReceiver Smtp => _fixture.Smtp;

    [Fact]
    public async Task A_success_action_sets_the_case_status_and_the_history_says_which_notification_did_it()
    {
        var admin = Host.Client();
        var entitlement = await Entitled(admin, new { when = "success", type = "fieldUpdate", set = new Dictionary<string, string?> { ["status"] = "Responded", ["customFields.answered"] = "yes" } });
        var caseId = Api.Id("case");
        await (await admin.Post($"/api/v1/cases/{caseId}/events", Scenario.Opened("o", entitlement, DateTimeOffset.UtcNow.AddMinutes(-10)))).Json();

        var replied = await (await admin.Post($"/api/v1/cases/{caseId}/events", new { eventId = "r", type = "agentReplied" })).Json();

        Assert.Equal("Responded", (string?)replied["status"]);
        var history = (await (await admin.GetAsync($"/api/v1/cases/{caseId}/events")).Json()).AsArray();
        var update = history.Single(e => (string?)e!["type"] == "fieldUpdated")!;
        Assert.Equal($"{caseId}/first-response#1/success/0m/fieldUpdate/0", (string?)update["eventId"]);
        Assert.Equal("yes", (string?)update["changes"]!["customFields"]!["answered"]);
    }

    [Fact]
    public async Task A_task_action_shows_its_task_in_the_snapshot_and_a_taskCompleted_event_completes_it()
    {
        var admin = Host.Client();
        var entitlement = await Entitled(admin, new { when = "violation", type = "task", subject = "Call back about {{case.subject}}", dueInMinutes = 30 });
        var caseId = Api.Id("case");
        var opened = await (await admin.Post($"/api/v1/cases/{caseId}/events", Scenario.Opened("o", entitlement, DateTimeOffset.UtcNow.AddMinutes(-61)))).Json();
        var task = opened["tasks"]!.AsArray().Single()!;
        var taskId = (string)task["taskId"]!;
        Assert.Equal($"{caseId}/first-response#1/violation/0m/task/0", taskId);
        Assert.Equal("Call back about Cannot log in", (string?)task["subject"]);
        Assert.Null(task["completedAt"]);

        var unknown = await admin.Post($"/api/v1/cases/{caseId}/events", new { eventId = "t0", type = "taskCompleted", task = new { taskId = "no-such-task" } });
        await unknown.Problem(HttpStatusCode.BadRequest, "task.taskId");
        var missing = await admin.Post($"/api/v1/cases/{caseId}/events", new { eventId = "t1", type = "taskCompleted" });
        await missing.Problem(HttpStatusCode.BadRequest, "task.taskId");
        var done = await (await admin.Post($"/api/v1/cases/{caseId}/events", new { eventId = "t2", type = "taskCompleted", task = new { taskId } })).Json();

        Assert.NotNull(done["tasks"]![0]!["completedAt"]);
        Assert.False((bool)done["tasks"]![0]!["overdue"]!);
    }

    [Fact]
    public async Task An_email_action_with_an_unknown_placeholder_or_recipient_is_refused_naming_the_field()
    {
        var admin = Host.Client();
        var response = await admin.Put($"/api/v1/processes/{Api.Id("p")}", Process(new { when = "violation", type = "email", to = new[] { "owner", "not an address" }, subject = "{{case.nope}}", body = "b" }));

        var problem = await response.Problem(HttpStatusCode.BadRequest, "milestones[0].actions[0].subject");
        Assert.NotNull(problem["errors"]!["milestones[0].actions[0].to[1]"]);
    }

    [Fact]
    public async Task A_violation_email_reaches_the_owning_user_a_fixed_address_and_an_address_field_rendered_as_of_the_notice()
    {
        var admin = Host.Client();
        var entitlement = await Entitled(admin, new
        {
            when = "violation", type = "email", to = new[] { "owner", "sla-desk@example.com", "customFields.contactEmail" },
            subject = "{{milestone.name}} missed: {{case.subject}}", body = "Case {{case.id}} ({{case.priority}}) was due {{milestone.targetAt}}.",
        });
        var owner = Api.Id("ana");
        (await admin.Put($"/api/v1/users/{owner}", new { name = "Ana Ruiz", email = "ana@example.com", role = "agent" })).EnsureSuccessStatusCode();
        var caseId = Api.Id("case");
        var occurredAt = DateTimeOffset.UtcNow.AddMinutes(-61);
        await (await admin.Post($"/api/v1/cases/{caseId}/events", new
        {
            eventId = "o", type = "opened", occurredAt = occurredAt.ToString("O"),
            @case = new { entitlementId = entitlement, priority = "High", owner, subject = "Cannot log in", customFields = new { contactEmail = "pat@customer.example" } },
        })).Json();
        var alertId = $"{caseId}/first-response#1/violation/0m/email/0";

        var message = await Arrived(alertId);

        Assert.Equal("First Response missed: Cannot log in", message.Subject);
        Assert.Equal(["ana@example.com", "pat@customer.example", "sla-desk@example.com"], message.To.Mailboxes.Select(m => m.Address).Order(StringComparer.Ordinal));
        Assert.StartsWith($"Case {caseId} (High) was due ", message.TextBody, StringComparison.Ordinal);
        Assert.Equal("sla@slagrains.test", message.From.Mailboxes.Single().Address);
    }

    [Fact]
    public async Task An_email_the_server_refuses_for_now_is_retried_and_sent_once_and_an_alert_handed_over_again_is_not_resent()
    {
        using var busy = new SmtpReceiver(failFirst: 2);
        busy.Start();
        await using var host = new SlaHost(Fixture.Settings(busy.Port));
        var admin = host.Client();
        var entitlement = await Entitled(admin, new { when = "violation", type = "email", to = new[] { "desk@example.com" }, subject = "Missed {{case.id}}", body = "b" });
        var caseId = Api.Id("case");
        await (await admin.Post($"/api/v1/cases/{caseId}/events", Scenario.Opened("o", entitlement, DateTimeOffset.UtcNow.AddMinutes(-61)))).Json();
        var alertId = $"{caseId}/first-response#1/violation/0m/email/0";
        var outbox = host.Services.GetRequiredService<IGrainFactory>().GetGrain<IEmailOutboxGrain>(IEmailOutboxGrain.Key);

        await Until(() => busy.For(alertId).Count == 1, () => $"not sent: {busy.Refused} refused");
        // The server has the message before the outbox hears its answer and logs the attempt: wait for the log too.
        JsonArray log = [];
        await Until(async () => (log = (await (await admin.GetAsync("/api/v1/emails/deliveries?limit=10")).Json()).AsArray())
            .Any(a => (string?)a!["alertId"] == alertId && (string?)a["outcome"] == "sent"), () => $"not logged as sent: {log.ToJsonString()}");
        Assert.Equal(["sent", "failed", "failed"], log.Where(a => (string?)a!["alertId"] == alertId).Select(a => (string?)a!["outcome"]));
        Assert.Equal("desk@example.com", (string?)log[0]!["to"]![0]);

        // The same alert handed over again (a case retrying after a failover), then a new one: the new one arrives, the old one not again.
        var again = new EmailAlert { Id = alertId, CaseId = caseId, Addresses = ["desk@example.com"], Subject = "Missed", Body = "b" };
        var next = again with { Id = $"{alertId}-next" };
        await outbox.Enqueue([again, next]);
        await Until(() => busy.For(next.Id).Count == 1, () => "the next alert never arrived");
        Assert.Single(busy.For(alertId));
    }

    private async Task<MimeKit.MimeMessage> Arrived(string alertId)
    {
        await Until(() => Smtp.For(alertId).Count > 0, () => $"alert {alertId} never arrived; {Smtp.Messages.Count} messages");
        return Assert.Single(Smtp.For(alertId));
    }

    private static object Process(object action) => new
    {
        name = "Actions",
        milestones = new[] { new { name = "First Response", minutes = 60, completedBy = new[] { "agentReplied" }, actions = new[] { action } } },
    };

    private static async Task<string> Entitled(HttpClient admin, object action)
    {
        var process = Api.Id("p");
        var entitlement = Api.Id("e");
        (await admin.Put($"/api/v1/processes/{process}", Process(action))).EnsureSuccessStatusCode();
        (await admin.Put($"/api/v1/entitlements/{entitlement}", new { name = "Gold", accountId = Api.Id("acct"), processId = process, startDate = "2025-01-01" }))
            .EnsureSuccessStatusCode();
        return entitlement;
    }

    private static Task Until(Func<bool> condition, Func<string> failure) => Until(() => Task.FromResult(condition()), failure);

    private static async Task Until(Func<Task<bool>> condition, Func<string> failure)
    {
        var deadline = DateTime.UtcNow + Guard;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, failure());
            await Task.Delay(20); // emails are sent in the background
        }
    }

    public sealed class Fixture : IAsyncLifetime
    {
        public Fixture()
        {
            Smtp.Start();
            Host = new SlaHost(Settings(Smtp.Port));
        }

        public SmtpReceiver Smtp { get; } = new();
        public SlaHost Host { get; }

        public static Dictionary<string, string?> Settings(int smtpPort) => new()
        {
            ["Sla:Email:Host"] = "127.0.0.1",
            ["Sla:Email:Port"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Sla:Email:Security"] = "None",
            ["Sla:Email:From"] = "SLA alerts <sla@slagrains.test>",
            ["Sla:Email:RetryBaseDelay"] = "00:00:00.100",
            ["Sla:Email:MaxRetryDelay"] = "00:00:00.400",
        };

        public Task InitializeAsync()
        {
            Host.StartServer();
            return Task.CompletedTask;
        }

        public async Task DisposeAsync()
        {
            await Host.DisposeAsync();
            Smtp.Dispose();
        }
    }
}
