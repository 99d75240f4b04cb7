using SlaGrains.Host.Security;

namespace SlaGrains.Host.Tests;

/// <summary>The shape of personal keys: the id they carry, and what is not one.</summary>
public sealed class UserKeysTests
{
    [Fact]
    public void A_new_key_carries_its_id_and_256_random_bits_and_no_two_are_alike()
    {
        var (keyId, key) = UserKeys.Create();
        var (otherId, other) = UserKeys.Create();

        Assert.Equal(keyId, UserKeys.KeyIdOf(key));
        Assert.StartsWith($"{UserKeys.Prefix}{keyId}_", key, StringComparison.Ordinal);
        Assert.Equal(43, key.Length - UserKeys.Prefix.Length - keyId.Length - 1); // 32 bytes in unpadded base64url, which may hold '_' too
        Assert.NotEqual(keyId, otherId);
        Assert.NotEqual(key, other);
    }

    [Theory]
    [InlineData("test-admin-key-0123456789")] // a configured key
    [InlineData("slk_short_secret")]
    [InlineData("slk_AAAA/AAAAAAAAAAA_secret")] // an id no key was ever made with
    [InlineData("slk_AAAA AAAAAAAAAAA_secret")]
    [InlineData("slk_AAAAAAAAAAAAAAAA_")]
    public void Text_not_shaped_like_a_personal_key_names_no_key_id(string presented) => Assert.Null(UserKeys.KeyIdOf(presented));
}
