using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace SlaGrains.Host.Tests;

/// <summary>docs/api.md, "People": users, personal keys shown once and stored as hashes, roles mapped to scopes.</summary>
public sealed class PeopleTests
{
    [Fact]
    public async Task An_admin_creates_a_user_and_a_key_whose_secret_is_shown_once_and_never_listed_or_logged()
    {
        await using var host = new LoggedHost();
        var admin = host.Client();
        var userId = Api.Id("ana");

        var user = await (await admin.Put($"/api/v1/users/{userId}", new { name = "Ana Ruiz", email = "ana@example.com", role = "agent", queues = new[] { "Tier 1" } })).Json();
        var created = await People.Key(admin, userId, new { name = "laptop", expiresAt = DateTimeOffset.UtcNow.AddDays(30).ToString("O") });
        var secret = (string)created["key"]!;
        var keys = await (await admin.GetAsync($"/api/v1/users/{userId}/keys")).Json();
        var listed = await (await admin.GetAsync("/api/v1/users")).Json();
        var read = await (await admin.GetAsync($"/api/v1/users/{userId}")).Json();
        var me = await (await host.Client(secret).GetAsync("/api/v1/me")).Json();

        Assert.Equal("agent", (string)user["role"]!);
        Assert.True((bool)user["active"]!);
        Assert.StartsWith("slk_", secret, StringComparison.Ordinal);
        Assert.Equal((string)created["keyId"]!, (string)keys[0]!["keyId"]!);
        Assert.Equal("laptop", (string)keys[0]!["name"]!);
        Assert.Contains(listed.AsArray(), u => (string)u!["userId"]! == userId);
        Assert.Equal("Ana Ruiz", (string)read["name"]!);
        foreach (var answer in new[] { keys, listed, read, me })
        {
            Assert.DoesNotContain(secret, answer.ToJsonString(), StringComparison.Ordinal);
            Assert.DoesNotContain(secret[^43..], answer.ToJsonString(), StringComparison.Ordinal); // nor the random part alone
        }
        Assert.DoesNotContain(host.Log.GetSnapshot(), r => r.Message.Contains(secret[^43..], StringComparison.Ordinal) || r.Exception?.ToString().Contains(secret[^43..], StringComparison.Ordinal) == true);

        Assert.Equal("user", (string)me["kind"]!);
        Assert.Equal(userId, (string)me["id"]!);
        Assert.Equal("ana@example.com", (string)me["email"]!);
        Assert.Equal("agent", (string)me["role"]!);
        Assert.Equal(["Tier 1"], me["queues"]!.AsArray().Select(q => (string)q!));
        Assert.Equal(["read", "events:write"], me["scopes"]!.AsArray().Select(s => (string)s!));
        Assert.False((bool)me["seesAllCases"]!);
    }

    [Fact]
    public async Task Me_names_an_integration_by_its_configured_key_with_its_scopes()
    {
        await using var host = new SlaHost();

        var me = await (await host.Client(SlaHost.ReaderKey).GetAsync("/api/v1/me")).Json();

        Assert.Equal("integration", (string)me["kind"]!);
        Assert.Equal("reader", (string)me["id"]!);
        Assert.Null(me["role"]);
        Assert.Equal(["read"], me["scopes"]!.AsArray().Select(s => (string)s!));
        Assert.True((bool)me["seesAllCases"]!);
    }

    [Theory]
    [InlineData("agent", false)]
    [InlineData("supervisor", false)]
    [InlineData("admin", true)]
    public async Task Roles_map_to_scopes_agents_and_supervisors_post_events_but_only_admins_write_definitions(string role, bool writesDefinitions)
    {
        await using var host = new SlaHost();
        var admin = host.Client();
        var (_, entitlement, _) = await Scenario.Entitled(admin);
        var (userId, key) = await People.User(admin, role, "Tier 1");
        var person = host.Client(key);

        var opened = await person.Post($"/api/v1/cases/{Api.Id("case")}/events", Scenario.Opened("o", entitlement, DateTimeOffset.UtcNow));
        var calendar = await person.Put($"/api/v1/calendars/{Api.Id("cal")}", new { timeZone = "UTC", weekly = new { } });
        var user = await person.Put($"/api/v1/users/{Api.Id("u")}", new { name = "Bo", email = "bo@example.com", role = "admin" });

        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync("/api/v1/calendars")).StatusCode);
        if (writesDefinitions)
        {
            Assert.NotEqual(HttpStatusCode.Forbidden, calendar.StatusCode);
            Assert.Equal(HttpStatusCode.OK, user.StatusCode);
        }
        else
        {
            await calendar.Problem(HttpStatusCode.Forbidden);
            await user.Problem(HttpStatusCode.Forbidden);
            await (await person.GetAsync($"/api/v1/users/{userId}/keys")).Problem(HttpStatusCode.Forbidden);
        }
    }

    [Fact]
    public async Task A_read_only_integration_key_cannot_post_events()
    {
        await using var host = new SlaHost();
        var (_, entitlement, _) = await Scenario.Entitled(host.Client());

        var posted = await host.Client(SlaHost.ReaderKey).Post($"/api/v1/cases/{Api.Id("case")}/events", Scenario.Opened("o", entitlement, DateTimeOffset.UtcNow));

        await posted.Problem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_revoked_key_is_refused_on_the_next_request_while_the_users_other_keys_keep_working()
    {
        await using var host = new SlaHost();
        var admin = host.Client();
        var (userId, key) = await People.User(admin, "agent");
        var other = (string)(await People.Key(admin, userId, new { name = "phone" }))["key"]!;
        var person = host.Client(key);
        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync("/api/v1/me")).StatusCode);
        var keyId = (string)(await (await person.GetAsync("/api/v1/me")).Json())["keyId"]!;

        var revoked = await (await admin.DeleteAsync($"/api/v1/users/{userId}/keys/{keyId}")).Json();

        Assert.NotNull((string?)revoked["revokedAt"]);
        await (await person.GetAsync("/api/v1/me")).Problem(HttpStatusCode.Unauthorized);
        await (await person.GetAsync("/api/v1/calendars")).Problem(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await host.Client(other).GetAsync("/api/v1/me")).StatusCode);
        var listed = await (await admin.GetAsync($"/api/v1/users/{userId}/keys")).Json();
        Assert.Contains(listed.AsArray(), k => (string)k!["keyId"]! == keyId && k["revokedAt"] is not null);
        await (await admin.DeleteAsync($"/api/v1/users/{userId}/keys/no-such-key")).Problem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Deactivating_a_user_stops_all_their_keys_and_reactivating_does_not_revive_them()
    {
        await using var host = new SlaHost();
        var admin = host.Client();
        var (userId, key) = await People.User(admin, "supervisor");
        Assert.Equal(HttpStatusCode.OK, (await host.Client(key).GetAsync("/api/v1/me")).StatusCode);

        var deactivated = await (await admin.DeleteAsync($"/api/v1/users/{userId}")).Json();

        Assert.False((bool)deactivated["active"]!);
        await (await host.Client(key).GetAsync("/api/v1/me")).Problem(HttpStatusCode.Unauthorized);
        await (await admin.Post($"/api/v1/users/{userId}/keys", new { name = "again" })).Problem(HttpStatusCode.BadRequest, "userId");
        await (await admin.DeleteAsync($"/api/v1/users/{Api.Id("nobody")}")).Problem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_key_that_was_never_issued_or_is_shaped_like_a_personal_key_but_forged_is_refused()
    {
        await using var host = new SlaHost();
        var admin = host.Client();
        var (_, key) = await People.User(admin, "admin");

        var forged = key[..^4] + (key[^4..] == "AAAA" ? "BBBB" : "AAAA");

        await (await host.Client(forged).GetAsync("/api/v1/me")).Problem(HttpStatusCode.Unauthorized);
        await (await host.Client("slk_AAAAAAAAAAAAAAAA_" + new string('A', 43)).GetAsync("/api/v1/me")).Problem(HttpStatusCode.Unauthorized);
        await (await host.Client(null).GetAsync("/api/v1/me")).Problem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Bad_users_and_keys_answer_problems_naming_the_field()
    {
        await using var host = new SlaHost();
        var admin = host.Client();
        var userId = Api.Id("u");

        await (await admin.Put($"/api/v1/users/{userId}", new { name = "", email = "ana@example.com", role = "agent" })).Problem(HttpStatusCode.BadRequest, "name");
        await (await admin.Put($"/api/v1/users/{userId}", new { name = "Ana", email = "not an email", role = "agent" })).Problem(HttpStatusCode.BadRequest, "email");
        await (await admin.Put($"/api/v1/users/{userId}", new { name = "Ana", email = "ana@example.com", role = "owner" })).Problem(HttpStatusCode.BadRequest, "role");
        await (await admin.Put($"/api/v1/users/{userId}", new { name = "Ana", email = "ana@example.com" })).Problem(HttpStatusCode.BadRequest, "role");
        await (await admin.Put($"/api/v1/users/{userId}", new { name = "Ana", email = "ana@example.com", role = "agent", queues = new[] { "a/b" } })).Problem(HttpStatusCode.BadRequest, "queues[0]");
        await (await admin.Put($"/api/v1/users/{userId}", new { name = "Ana", email = "ana@example.com", role = "agent", active = false })).Problem(HttpStatusCode.BadRequest, "active");
        await (await admin.Post($"/api/v1/users/{userId}/keys", new { name = "laptop" })).Problem(HttpStatusCode.NotFound);
        await (await admin.Put($"/api/v1/users/{userId}", new { name = "Ana", email = "ana@example.com", role = "agent" })).Json();
        await (await admin.Post($"/api/v1/users/{userId}/keys", new { name = "" })).Problem(HttpStatusCode.BadRequest, "name");
        await (await admin.Post($"/api/v1/users/{userId}/keys", new { name = "old", expiresAt = "2020-01-01T00:00:00Z" })).Problem(HttpStatusCode.BadRequest, "expiresAt");
        await (await admin.GetAsync("/api/v1/users/bad%20id")).Problem(HttpStatusCode.BadRequest, "userId");
    }
}
