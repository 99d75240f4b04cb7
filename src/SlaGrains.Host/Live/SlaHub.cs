using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using SlaGrains.Contracts.Cases;
using SlaGrains.Contracts.Live;
using SlaGrains.Contracts.Queues;
using SlaGrains.Domain.Cases;
using SlaGrains.Domain.Validation;
using SlaGrains.Host.Api;
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
        var caller = Caller.From(Context.User!);
        if (!caller.SeesAllCases && !caller.Queues.Contains(Queue(queue), StringComparer.Ordinal))
        {
            throw new HubException($"{IdRules.Quote(queue)} is not one of this agent's queues; an agent watches their own queues and cases.");
        }
        await Join(LivePayloads.QueueGroup(Queue(queue)));
        return await Current(queue, snapshot => snapshot.Queue == queue);
    }

    public Task UnsubscribeQueue(string queue) => Leave(LivePayloads.QueueGroup(Queue(queue)));

    /// <summary>
    /// Subscribes to an owner's cases (<c>me</c>, or a user id for supervisors, admins and integrations); returns
    /// their open cases as snapshots with versions, then their changes and alerts.
    /// </summary>
    public async Task<JsonArray> SubscribeOwner(string owner)
    {
        var id = Owner(owner);
        await Join(LivePayloads.OwnerGroup(id));
        return await Current(CaseIndexes.Owner(id), snapshot => snapshot.Owner == id);
    }

    public Task UnsubscribeOwner(string owner) => Leave(LivePayloads.OwnerGroup(Owner(owner)));

    /// <summary>Subscribes to every open case (not for agents); returns the soonest ones as snapshots, then every change.</summary>
    public async Task<JsonArray> SubscribeAll()
    {
        if (!Caller.From(Context.User!).SeesAllCases)
        {
            throw new HubException("An agent watches their own queues and cases, not all of them.");
        }
        await Join(LivePayloads.AllGroup);
        return await Current(CaseIndexes.All, _ => true);
    }

    public Task UnsubscribeAll() => Leave(LivePayloads.AllGroup);

    /// <summary>The soonest open cases an index lists, read from the cases themselves.</summary>
    private async Task<JsonArray> Current(string index, Func<CaseSnapshot, bool> stillListed)
    {
        IReadOnlyList<QueueEntry> entries = await grains.Get<IQueueGrain>(index).List(QueueLimit);
        var changes = await Task.WhenAll(entries.Select(e => grains.Get<ICaseGrain>(e.CaseId).Watch()));
        return [.. changes.OfType<CaseChange>().Where(c => !c.Snapshot.Closed && stillListed(c.Snapshot)).Select(c => (JsonNode)LivePayloads.Case(c))];
    }

    /// <summary>The owner a subscription names: <c>me</c> is the caller; agents may name no one else.</summary>
    private string Owner(string? owner)
    {
        var caller = Caller.From(Context.User!);
        var id = owner == CaseListApi.Me && caller.Kind == ActorKind.User ? caller.Id : owner;
        if (!IdRules.IsId(id) || id == CaseListApi.Me)
        {
            throw new HubException($"{IdRules.Quote(owner ?? "null")} is not an owner: give 'me' (with a personal key) or a user id ({IdRules.IdHint}).");
        }
        if (!caller.SeesAllCases && id != caller.Id)
        {
            throw new HubException("An agent watches their own cases ('me'), not another user's.");
        }
        return id;
    }

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
