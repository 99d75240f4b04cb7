using System.Security.Cryptography;
using System.Text;

namespace SlaGrains.Grains.Webhooks;

/// <summary>
/// docs/api.md's signature: <c>sha256=</c> and the lowercase hex HMAC-SHA256 of the raw body, keyed by the secret.
/// During a secret rotation's overlap the header holds two, the new secret's first, separated by a comma.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "X-SlaGrains-Signature";
    public const string DeliveryHeader = "X-SlaGrains-Delivery";

    public static string Sign(string secret, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>For receivers (and our tests): whether any signature presented matches, each compared in constant time.</summary>
    public static bool Verify(string secret, byte[] body, string? presented) =>
        presented is not null && presented.Split(',').Any(one =>
            CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, body)), Encoding.ASCII.GetBytes(one.Trim())));
}
