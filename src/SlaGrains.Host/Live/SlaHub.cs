using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using SlaGrains.Contracts.Cases;
using SlaGrains.Contracts.Live;
using SlaGrains.Contracts.Queues;
using SlaGrains.Domain.Validation;
using SlaGrains.Host.Hosting;
using SlaGrains.Host.Security;

namespace SlaGrains.Host.Live;

/// <summary>
/// docs/api.md's live hub. Subscribing answers with the current state at once, so a client (also after a reconnect) never
/// waits for the next change to draw; afterwards it receives <c>caseChanged</c> and the milestone messages.
/// </summary>
[Authorize(Policy = Scopes.Read)]
public sealed class SlaHub(GrainReferences grains, LiveSubscriptions subscriptions, UserHubConnections userConnections, IOptions<LiveHubOptions> options) : Hub
{
    public const string Path = "/hubs/sla";
    public const int QueueLimit = 200;

    /// <summary>Subscribes to one case; returns its snapshot with version, or null when the case does not exist.</summary>
    public async Task<JsonObject?> SubscribeCase(string caseId)
    {
        await Join(LivePayloads.CaseGroup(CaseId(caseId)));
        return await grains.Get<ICaseGrain>(caseId).Watch() is { } change ? LivePayloads.Case(change) : null;
    }

    public Task UnsubscribeCase(string caseId) => Leave(LivePayloads.CaseGroup(CaseId(caseId)));

    /// <summary>Subscribes to a queue; returns its open cases (soonest deadline first) as snapshots with versions.</summary>
    public async Task<JsonArray> SubscribeQueue(string queue)
    {
        await Join(LivePayloads.QueueGroup(Queue(queue)));
        IReadOnlyList<QueueEntry> entries = await grains.Get<IQueueGrain>(queue).List(QueueLimit);
        var changes = await Task.WhenAll(entries.Select(e => grains.Get<ICaseGrain>(e.CaseId).Watch()));
        return [.. changes.OfType<CaseChange>().Where(c => !c.Snapshot.Closed && c.Snapshot.Queue == queue).Select(c => (JsonNode)LivePayloads.Case(c))];
    }

    public Task UnsubscribeQueue(string queue) => Leave(LivePayloads.QueueGroup(Queue(queue)));

    public override Task OnConnectedAsync()
    {
        userConnections.Opened(Context);
        return base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        userConnections.Closed(Context.ConnectionId);
        subscriptions.Disconnected(Context.ConnectionId); // SignalR drops the connection from its groups itself
        return base.OnDisconnectedAsync(exception);
    }

    // The hub's arguments follow the API's rule for ids and queue names; a refusal says so instead of a server error.
    private static string CaseId(string? caseId) => IdRules.IsId(caseId)
        ? caseId
        : throw new HubException($"{IdRules.Quote(caseId ?? "null")} is not a valid case id: {IdRules.IdHint}.");

    private static string Queue(string? queue) => IdRules.IsQueueName(queue)
        ? queue
        : throw new HubException($"{IdRules.Quote(queue ?? "null")} is not a valid queue name: {IdRules.QueueHint}.");

    private Task Join(string group)
    {
        var limit = options.Value.MaxSubscriptionsPerConnection;
        if (!subscriptions.Join(Context.ConnectionId, group, limit))
        {
            throw new HubException(string.Create(CultureInfo.InvariantCulture,
                $"This connection already holds {limit} subscriptions, the limit ({LiveHubOptions.Section}:MaxSubscriptionsPerConnection); unsubscribe from one first."));
        }
        return Groups.AddToGroupAsync(Context.ConnectionId, group);
    }

    private async Task Leave(string group)
    {
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, group);
        subscriptions.Leave(Context.ConnectionId, group);
    }
}
