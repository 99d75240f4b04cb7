using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace SlaGrains.Host.Security;

/// <summary>
/// The configured keys by their SHA-256. A presented key is hashed and compared with every key in constant time, so
/// neither a key's length, nor how much of it matched, nor which key it is shows in the time of an answer.
/// </summary>
public sealed class ApiKeyRing(IOptions<ApiKeyOptions> options)
{
    private readonly (byte[] Hash, ApiKey Key)[] _keys = [.. options.Value.ApiKeys.Select(k => (k.Hash(), k))];

    public ApiKey? Find(string presented)
    {
        var hash = ApiKey.HashOf(presented);
        ApiKey? found = null;
        foreach (var (candidate, key) in _keys)
        {
            if (CryptographicOperations.FixedTimeEquals(candidate, hash))
            {
                found = key; // no early exit: every answer costs the same comparisons
            }
        }
        return found;
    }
}
