using System.Security.Cryptography;
using System.Text;
using NodaTime;
using SlaGrains.Contracts.Catalog;
using SlaGrains.Contracts.People;
using SlaGrains.Domain.People;

namespace SlaGrains.Grains.Tests.People;

/// <summary>A user's grain is the one judge of its keys: hash, expiry on the grains' clock, revocation, deactivation.</summary>
[Collection(ClusterTests.Name)]
public sealed class UserGrainTests(ClusterFixture fixture)
{
    private static readonly byte[] Secret = SHA256.HashData(Encoding.UTF8.GetBytes("slk_secret"));

    [Fact]
    public async Task A_key_works_until_its_expiry_on_the_grains_clock_and_then_is_refused()
    {
        var (user, userId) = await NewUser();
        var now = Instant.FromDateTimeOffset(fixture.Clock.GetUtcNow());
        var keyId = $"k-{Guid.NewGuid():N}";
        Assert.True(await fixture.Client.GetGrain<IUserKeyGrain>(keyId).Claim(userId));
        await user.AddKey(keyId, "laptop", now + Duration.FromHours(1), Secret);

        var before = await fixture.Client.GetGrain<IUserKeyGrain>(keyId).Authenticate(Secret);
        fixture.Clock.Advance(TimeSpan.FromHours(1));
        var after = await user.Authenticate(keyId, Secret);

        Assert.Equal(userId, before?.UserId);
        Assert.Equal(UserRole.Agent, before?.Role);
        Assert.Equal(["Tier 1"], before?.Queues);
        Assert.Null(after);
        Assert.False(await user.IsKeyValid(keyId));
    }

    [Fact]
    public async Task A_wrong_secret_a_revoked_key_and_a_deactivated_user_are_refused_and_the_listing_keeps_revoked_keys()
    {
        var (user, userId) = await NewUser();
        await user.AddKey("k-1", "laptop", null, Secret);
        await user.AddKey("k-2", "phone", null, Secret);

        Assert.Null(await user.Authenticate("k-1", SHA256.HashData("other"u8)));
        Assert.NotNull(await user.Authenticate("k-1", Secret));
        var revoked = await user.RevokeKey("k-1");
        var again = await user.RevokeKey("k-1");

        Assert.Null(await user.Authenticate("k-1", Secret));
        Assert.Equal(revoked!.RevokedAt, again!.RevokedAt);
        Assert.NotNull(await user.Authenticate("k-2", Secret));
        Assert.Equal(["k-1", "k-2"], (await user.Keys())!.Select(k => k.KeyId).Order());
        Assert.Null(await user.RevokeKey("k-none"));

        await user.Deactivate();
        Assert.Null(await user.Authenticate("k-2", Secret));
        Assert.Null(await user.AddKey("k-3", "new", null, Secret));
        Assert.Contains(userId, await fixture.Client.GetGrain<ICatalogGrain>(ICatalogGrain.Users).List());
    }

    [Fact]
    public async Task A_key_id_belongs_to_the_first_user_that_claims_it()
    {
        var keyId = $"k-{Guid.NewGuid():N}";
        var key = fixture.Client.GetGrain<IUserKeyGrain>(keyId);

        Assert.Null(await key.Authenticate(Secret));
        Assert.True(await key.Claim("ana"));
        Assert.True(await key.Claim("ana"));
        Assert.False(await key.Claim("bo"));
        Assert.Equal("ana", await key.Owner());
    }

    private async Task<(IUserGrain, string)> NewUser()
    {
        var userId = $"u-{Guid.NewGuid():N}";
        var user = fixture.Client.GetGrain<IUserGrain>(userId);
        var result = await user.Put(new UserDefinition { Name = "Ana Ruiz", Email = "ana@example.com", Role = UserRole.Agent, Queues = ["Tier 1", "Tier 1"] });
        Assert.True(result.Succeeded);
        Assert.Equal(["Tier 1"], result.Value!.Queues);
        return (user, userId);
    }
}
