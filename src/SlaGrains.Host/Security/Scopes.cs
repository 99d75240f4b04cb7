namespace SlaGrains.Host.Security;

/// <summary>The scopes of docs/api.md; each is also the name of the authorization policy that demands it.</summary>
public static class Scopes
{
    public const string EventsWrite = "events:write";
    public const string Read = "read";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [EventsWrite, Read, Admin];
}
