using System.Net;

namespace SlaGrains.Grains.Webhooks;

/// <summary>Resolves a receiver's host name to addresses for the outbound URL policy to check (tests stub it).</summary>
public interface IHostResolver
{
    Task<IPAddress[]> Resolve(string host, CancellationToken cancellationToken);
}
