using System.Net;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace SlaGrains.Host.Tests;

/// <summary>Single sign-on: bearer JWTs beside keys, the role from a claim, the user as the actor.</summary>
public sealed class OidcTests
{
    [Fact]
    public async Task A_token_with_a_role_claim_acts_as_that_user_with_the_roles_scopes_beside_api_keys()
    {
        await using var host = new OidcHost();
        var (_, entitlement, _) = await Scenario.Entitled(host.Client());
        var agent = host.Bearer(host.Token("ana@corp", new Dictionary<string, object> { ["sla_role"] = "agent", ["name"] = "Ana Ruiz", ["sla_queues"] = new[] { "Tier 1" } }));
        var caseId = Api.Id("case");

        var me = await (await agent.GetAsync("/api/v1/me")).Json();
        await (await agent.Post($"/api/v1/cases/{caseId}/events", Scenario.Opened("o", entitlement, DateTimeOffset.UtcNow))).Json();
        var history = await (await host.Client().GetAsync($"/api/v1/cases/{caseId}/events")).Json();

        Assert.Equal("user", (string)me["kind"]!);
        Assert.Equal("ana@corp", (string)me["id"]!);
        Assert.Equal("Ana Ruiz", (string)me["name"]!);
        Assert.Equal("agent", (string)me["role"]!);
        Assert.Equal(["Tier 1"], me["queues"]!.AsArray().Select(q => (string)q!));
        Assert.Equal("ana@corp", (string)history[0]!["actor"]!["id"]!);
        await (await agent.Put($"/api/v1/calendars/{Api.Id("cal")}", new { timeZone = "UTC" })).Problem(HttpStatusCode.Forbidden);
        // Keys keep working beside tokens, in the header and as a bearer value.
        Assert.Equal(HttpStatusCode.OK, (await host.Client(SlaHost.ReaderKey).GetAsync("/api/v1/me")).StatusCode);
        var keyAsBearer = host.Client(null);
        keyAsBearer.DefaultRequestHeaders.Authorization = new("Bearer", SlaHost.ReaderKey);
        Assert.Equal(HttpStatusCode.OK, (await keyAsBearer.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Tokens_without_a_role_expired_or_signed_by_another_key_are_refused_with_problem_details()
    {
        await using var host = new OidcHost();
        using var stranger = RSA.Create(2048);
        var admin = new Dictionary<string, object> { ["sla_role"] = "admin" };

        await (await host.Bearer(host.Token("bo", new Dictionary<string, object>())).GetAsync("/api/v1/me")).Problem(HttpStatusCode.Unauthorized);
        await (await host.Bearer(host.Token("bo", new Dictionary<string, object> { ["sla_role"] = "owner" })).GetAsync("/api/v1/me")).Problem(HttpStatusCode.Unauthorized);
        // Expired past the handler's allowance of 5 minutes for clock skew.
        await (await host.Bearer(host.Token("bo", admin, expires: DateTime.UtcNow.AddMinutes(-10))).GetAsync("/api/v1/me")).Problem(HttpStatusCode.Unauthorized);
        await (await host.Bearer(host.Token("bo", admin, signedBy: new RsaSecurityKey(stranger) { KeyId = "test-key" })).GetAsync("/api/v1/me")).Problem(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await host.Bearer(host.Token("bo", admin)).GetAsync("/api/v1/users")).StatusCode);
    }
}
