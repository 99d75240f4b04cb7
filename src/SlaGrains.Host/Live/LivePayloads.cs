using System.Text.Json;
using System.Text.Json.Nodes;
using SlaGrains.Contracts.Live;
using SlaGrains.Contracts.Serialization;

namespace SlaGrains.Host.Live;

/// <summary>The hub's messages in the contract's JSON: API.md's snapshot plus <c>version</c>; notices as webhooks carry them.</summary>
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

    public static JsonObject Notice(SlaNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return new JsonObject
        {
            ["deliveryId"] = notice.DeliveryId,
            ["type"] = notice.Type,
            ["occurredAt"] = JsonSerializer.SerializeToNode(notice.OccurredAt, SlaJson.Options),
            ["caseId"] = notice.CaseId,
            ["queue"] = notice.Queue,
            ["late"] = notice.Late,
            ["changes"] = JsonSerializer.SerializeToNode(notice.Changes, SlaJson.Options),
            ["milestone"] = JsonSerializer.SerializeToNode(notice.Milestone, SlaJson.Options),
        };
    }

    /// <summary>milestone.warning → milestoneWarning, as API.md names the hub's messages.</summary>
    public static string MethodFor(SlaNotice notice) => notice?.Type switch
    {
        SlaNotice.MilestoneWarning => "milestoneWarning",
        SlaNotice.MilestoneViolated => "milestoneViolated",
        SlaNotice.MilestoneCompleted => "milestoneCompleted",
        _ => "caseEscalated",
    };

    public static string CaseGroup(string caseId) => $"case:{caseId}";

    public static string QueueGroup(string queue) => $"queue:{queue}";
}
