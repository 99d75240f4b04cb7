using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using SlaGrains.Contracts.People;
using SlaGrains.Host.Hosting;
using SlaGrains.Host.Security;

namespace SlaGrains.Host.Live;

/// <summary>
/// The hub connections of this process that were opened with a personal key. A connection is authenticated once, when
/// it opens; so every <see cref="LiveHubOptions.KeyRecheckInterval"/> each key with open connections is checked again
/// with its user's grain (the cluster's one truth about it, whichever silo revoked it) and the connections of a key no
/// longer valid are closed. Each front-end checks its own connections, so this holds with any number of them.
/// </summary>
public sealed partial class UserHubConnections(
    GrainReferences grains,
    IOptions<LiveHubOptions> options,
    TimeProvider clock,
    ILogger<UserHubConnections> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<string, (string UserId, string KeyId, HubCallerContext Context)> _connections = new(StringComparer.Ordinal);

    public void Opened(HubCallerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.User is { } user && Caller.From(user) is { KeyId: { } keyId } caller)
        {
            _connections[context.ConnectionId] = (caller.Id, keyId, context);
        }
    }

    public void Closed(string connectionId) => _connections.TryRemove(connectionId, out _);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.KeyRecheckInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await Recheck();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRecheckFailed(ex); // the next tick tries again
            }
        }
    }

    /// <summary>Closes every connection whose key is no longer valid; one grain call per key, however many connections share it.</summary>
    public async Task Recheck()
    {
        foreach (var key in _connections.Values.GroupBy(c => (c.UserId, c.KeyId)).ToList())
        {
            if (!await grains.Get<IUserGrain>(key.Key.UserId).IsKeyValid(key.Key.KeyId))
            {
                foreach (var connection in key)
                {
                    LogClosing(connection.KeyId, connection.UserId);
                    connection.Context.Abort();
                    Closed(connection.Context.ConnectionId);
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Closing hub connections of key {KeyId} of user {UserId}: revoked, expired or the user deactivated")]
    private partial void LogClosing(string keyId, string userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checking the personal keys of open hub connections failed")]
    private partial void LogRecheckFailed(Exception ex);
}
