using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SlaGrains.Host.Tests;

/// <summary>Small helpers for reading the API's answers as a client would: status, JSON, problem details.</summary>
internal static class Api
{
    public static async Task<JsonNode> Json(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }

    /// <summary>Asserts an RFC 7807 answer with the status and, for 400s, an error on <paramref name="field"/>.</summary>
    public static async Task<JsonNode> Problem(this HttpResponseMessage response, HttpStatusCode status, string? field = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(body)!;
        Assert.Equal((int)status, (int)problem["status"]!);
        if (field is not null)
        {
            var errors = problem["errors"]?.AsObject();
            Assert.True(errors is not null && errors.ContainsKey(field), $"No error on '{field}': {body}");
        }
        return problem;
    }

    public static Task<HttpResponseMessage> Put(this HttpClient client, string path, object body) =>
        client.PutAsync(path, SlaHost.Json(JsonSerializer.Serialize(body)));

    public static Task<HttpResponseMessage> Post(this HttpClient client, string path, object body) =>
        client.PostAsync(path, SlaHost.Json(JsonSerializer.Serialize(body)));

    public static string Id(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];
}
