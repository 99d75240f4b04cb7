using System.Text.Json.Nodes;

namespace SlaGrains.Host.Tests;

/// <summary>Users and their keys, made through the API as an admin would.</summary>
internal static class People
{
    /// <summary>Creates a user with <paramref name="role"/> and returns (userId, key).</summary>
    public static async Task<(string UserId, string Key)> User(HttpClient admin, string role, params string[] queues)
    {
        var userId = Api.Id(role);
        await (await admin.Put($"/api/v1/users/{userId}", new { name = $"Ana {role}", email = $"{userId}@example.com", role, queues })).Json();
        var key = await (await admin.Post($"/api/v1/users/{userId}/keys", new { name = "laptop" })).Json();
        return (userId, (string)key["key"]!);
    }

    public static async Task<JsonNode> Key(HttpClient admin, string userId, object body) =>
        await (await admin.Post($"/api/v1/users/{userId}/keys", body)).Json();
}
