using System.Text.Json;
using System.Text.Json.Nodes;
using SlaGrains.Contracts.Live;
using SlaGrains.Contracts.Serialization;
using SlaGrains.Domain.Cases;

namespace SlaGrains.Host.Live;

/// <summary>The hub's messages in the contract's JSON: docs/api.md's snapshot plus <c>version</c>; notices as webhooks carry them.</summary>
public static class LivePayloads
{
    public const string CaseChanged = "caseChanged";

    public static JsonObject Case(CaseChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var node = JsonSerializer.SerializeToNode(change.Snapshot, SlaJson.Options)!.AsObject();
        node["version"] = change.Version;
        return node;
    }

    /// <summary>The notice exactly as a webhook's body carries it: the one serialization of <see cref="SlaNotice"/>.</summary>
    public static JsonElement Notice(SlaNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return JsonSerializer.SerializeToElement(notice, SlaJson.Options);
    }

    /// <summary>milestone.warning → milestoneWarning, as docs/api.md names the hub's messages.</summary>
    public static string MethodFor(SlaNotice notice) => notice?.Type switch
    {
        SlaNotice.MilestoneWarning => "milestoneWarning",
        SlaNotice.MilestoneViolated => "milestoneViolated",
        SlaNotice.MilestoneCompleted => "milestoneCompleted",
        _ => "caseEscalated",
    };

    public static string CaseGroup(string caseId) => $"case:{caseId}";

    public static string QueueGroup(string queue) => $"queue:{queue}";

    public static string OwnerGroup(string owner) => $"owner:{owner}";

    /// <summary>The group that watches an index (<see cref="CaseIndexes"/>): a queue's, an owner's, or all open cases'.</summary>
    public static string IndexGroup(string key) =>
        key == CaseIndexes.All ? AllGroup : CaseIndexes.OwnerOf(key) is { } owner ? OwnerGroup(owner) : QueueGroup(key);

    /// <summary>Every open case's changes: supervisors' and admins' "all open cases" views.</summary>
    public const string AllGroup = "all";
}
