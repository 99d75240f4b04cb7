using System.Security.Cryptography;

namespace SlaGrains.Host.Security;

/// <summary>
/// Personal API keys: <c>slk_{keyId}_{secret}</c>, where the secret is 32 random bytes (256 bits) in base64url. Only
/// the SHA-256 of the whole key is stored. A fast hash is enough because the secret is random and long: a slow
/// password hash (PBKDF2, Argon2) exists to stretch guessable secrets and would only cost every request its time,
/// while 2^256 candidates stay out of reach of any hash rate. The key id in the key finds its user in one hop.
/// </summary>
public static class UserKeys
{
    public const string Prefix = "slk_";
    private const int KeyIdBytes = 12;
    private const int SecretBytes = 32;

    /// <summary>A new key id, and the key (shown once) that carries it.</summary>
    public static (string KeyId, string Key) Create()
    {
        var keyId = Base64Url(RandomNumberGenerator.GetBytes(KeyIdBytes));
        return (keyId, $"{Prefix}{keyId}_{Base64Url(RandomNumberGenerator.GetBytes(SecretBytes))}");
    }

    /// <summary>The key id of a presented personal key; null when it is not shaped like one (then it is a configured key).</summary>
    public static string? KeyIdOf(string presented)
    {
        ArgumentNullException.ThrowIfNull(presented);
        if (!presented.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }
        var keyIdLength = Convert.ToBase64String(new byte[KeyIdBytes]).Length; // no padding at a multiple of 3 bytes
        var separator = Prefix.Length + keyIdLength;
        if (presented.Length <= separator + 1 || presented[separator] != '_')
        {
            return null;
        }
        var keyId = presented[Prefix.Length..separator];
        // Only ids this class could have made reach a grain: a made-up one must not name a grain of any shape.
        return keyId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') ? keyId : null;
    }

    public static byte[] Hash(string presented) => ApiKey.HashOf(presented);

    private static string Base64Url(byte[] bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);
}
