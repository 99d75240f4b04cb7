using System.Security.Cryptography;
using System.Text;

namespace SlaGrains.Host.Security;

/// <summary>
/// One configured key (<c>Sla:ApiKeys</c>): a name for logs and rate limits, the secret (<c>Key</c>) or its SHA-256 in
/// hex (<c>KeyHash</c>, so configuration need not hold the secret), and its scopes.
/// </summary>
public sealed class ApiKey
{
    public const int MinimumLength = 16;

    public string Name { get; set; } = "";
    public string Key { get; set; } = "";
    public string KeyHash { get; set; } = "";
    public List<string> Scopes { get; set; } = [];

    /// <summary>What is wrong with this key's configuration, or null.</summary>
    public string? Problem()
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            return "it needs a name";
        }
        if (string.IsNullOrEmpty(Key) == string.IsNullOrEmpty(KeyHash))
        {
            return "it needs exactly one of Key and KeyHash";
        }
        if (!string.IsNullOrEmpty(Key) && Key.Length < MinimumLength)
        {
            return $"its Key needs at least {MinimumLength} characters";
        }
        if (!string.IsNullOrEmpty(KeyHash) && (KeyHash.Length != 2 * SHA256.HashSizeInBytes || !KeyHash.All(char.IsAsciiHexDigit)))
        {
            return "its KeyHash must be a SHA-256 in hex (64 characters; printf %s \"$KEY\" | sha256sum)";
        }
        if (Scopes.Any(s => !Security.Scopes.All.Contains(s)))
        {
            return $"it needs scopes among {string.Join(", ", Security.Scopes.All)}";
        }
        return null;
    }

    /// <summary>The SHA-256 every presented key is compared with.</summary>
    public byte[] Hash() => string.IsNullOrEmpty(KeyHash) ? HashOf(Key) : Convert.FromHexString(KeyHash);

    public static byte[] HashOf(string presented) => SHA256.HashData(Encoding.UTF8.GetBytes(presented));
}
