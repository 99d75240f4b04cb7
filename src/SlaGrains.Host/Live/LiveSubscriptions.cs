using System.Collections.Concurrent;

namespace SlaGrains.Host.Live;

/// <summary>
/// Which of this process's SignalR groups have members. SignalR does not say, and every change in the cluster reaches
/// every relay: building a change's payload for groups nobody here is in would be most of what relaying costs under load.
/// A connection counts once per group, as SignalR's groups do, however often it subscribes.
/// </summary>
public sealed class LiveSubscriptions
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, HashSet<string>> _groupsByConnection = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _members = new(StringComparer.Ordinal); // read lock-free by the relay

    public bool HasMembers(string group) => _members.ContainsKey(group);

    /// <summary>
    /// Counts the member before SignalR adds it, so no change after the subscription is skipped. False, and nothing
    /// joined, when the connection already holds <paramref name="limit"/> other groups.
    /// </summary>
    public bool Join(string connectionId, string group, int limit = int.MaxValue)
    {
        lock (_gate)
        {
            if (!_groupsByConnection.TryGetValue(connectionId, out var groups))
            {
                _groupsByConnection[connectionId] = groups = new HashSet<string>(StringComparer.Ordinal);
            }
            if (groups.Contains(group))
            {
                return true;
            }
            if (groups.Count >= limit)
            {
                return false;
            }
            groups.Add(group);
            _members.AddOrUpdate(group, 1, (_, count) => count + 1);
            return true;
        }
    }

    public void Leave(string connectionId, string group)
    {
        lock (_gate)
        {
            if (_groupsByConnection.TryGetValue(connectionId, out var groups) && groups.Remove(group))
            {
                Forget(group);
            }
        }
    }

    public void Disconnected(string connectionId)
    {
        lock (_gate)
        {
            if (_groupsByConnection.Remove(connectionId, out var groups))
            {
                foreach (var group in groups)
                {
                    Forget(group);
                }
            }
        }
    }

    private void Forget(string group)
    {
        if (_members[group] == 1)
        {
            _members.TryRemove(group, out _);
        }
        else
        {
            _members[group]--;
        }
    }
}
