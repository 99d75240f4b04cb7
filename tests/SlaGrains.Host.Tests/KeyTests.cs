using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace SlaGrains.Host.Tests;

/// <summary>Where keys are read, how they may be configured, and what guessing them costs.</summary>
public sealed class KeyTests
{
    [Fact]
    public async Task A_key_in_the_query_string_is_refused_on_the_api_and_accepted_on_the_hub()
    {
        await using var host = new SlaHost();
        var anonymous = host.Client(key: null);

        await (await anonymous.GetAsync($"/api/v1/calendars?access_token={SlaHost.AdminKey}")).Problem(HttpStatusCode.Unauthorized);
        await (await anonymous.GetAsync($"/api/v1/cases/{Api.Id("case")}?access_token={SlaHost.AdminKey}")).Problem(HttpStatusCode.Unauthorized);
        var negotiate = await anonymous.PostAsync($"/hubs/sla/negotiate?negotiateVersion=1&access_token={SlaHost.ReaderKey}", null);
        Assert.Equal(HttpStatusCode.OK, negotiate.StatusCode);
    }

    [Fact]
    public async Task A_key_configured_by_its_sha256_is_accepted_and_the_hash_itself_is_not_a_key()
    {
        const string secret = "hashed-reader-key-0123456789";
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret))); // as printf %s "$KEY" | sha256sum, upper case
        await using var host = new SlaHost(new Dictionary<string, string?>
        {
            ["Sla:ApiKeys:3:Name"] = "hashed",
            ["Sla:ApiKeys:3:KeyHash"] = hash,
            ["Sla:ApiKeys:3:Scopes:0"] = "read",
        });

        Assert.Equal(HttpStatusCode.OK, (await host.Client(secret).GetAsync("/api/v1/calendars")).StatusCode);
        await (await host.Client(hash).GetAsync("/api/v1/calendars")).Problem(HttpStatusCode.Unauthorized);
        await (await host.Client(hash.ToLowerInvariant()).GetAsync("/api/v1/calendars")).Problem(HttpStatusCode.Unauthorized);
        await (await host.Client(secret).PutAsync($"/api/v1/calendars/{Api.Id("cal")}", SlaHost.Json("{}"))).Problem(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("not-hex-at-all", null, "KeyHash")]
    [InlineData("0123456789abcdef", null, "KeyHash")] // hex, but not 32 bytes
    [InlineData("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "and-a-plain-key-0123456789", "exactly one of Key and KeyHash")]
    public void A_host_with_a_malformed_key_hash_refuses_to_start(string keyHash, string? key, string named)
    {
        using var host = new SlaHost(new Dictionary<string, string?>
        {
            ["Sla:ApiKeys:3:Name"] = "hashed",
            ["Sla:ApiKeys:3:KeyHash"] = keyHash,
            ["Sla:ApiKeys:3:Key"] = key,
            ["Sla:ApiKeys:3:Scopes:0"] = "read",
        });

        var error = Assert.ThrowsAny<Exception>(() => host.Client());
        Assert.Contains("API key 'hashed' is invalid", error.ToString(), StringComparison.Ordinal);
        Assert.Contains(named, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_address_that_guessed_too_many_keys_gets_429_even_with_a_valid_key_while_other_addresses_are_served()
    {
        await using var host = new SlaHost(new Dictionary<string, string?>
        {
            ["Sla:FailedKeys:Limit"] = "3",
            ["Sla:FailedKeys:Window"] = "01:00:00",
        });
        using var guesser = From(host, IPAddress.Loopback);
        using var neighbour = From(host, IPAddress.Parse("127.0.0.2"));

        for (var i = 0; i < 3; i++)
        {
            await (await Get(guesser, $"guess-{i}-0123456789abcdef", "/api/v1/calendars")).Problem(HttpStatusCode.Unauthorized);
        }
        var refused = await Get(guesser, "guess-3-0123456789abcdef", "/api/v1/calendars");
        var problem = await refused.Problem(HttpStatusCode.TooManyRequests);
        Assert.Contains("Sla:FailedKeys", (string)problem["detail"]!, StringComparison.Ordinal);
        Assert.Contains("3 wrong keys", (string)problem["detail"]!, StringComparison.Ordinal);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After");
        // Refused before the key is looked at: the right key from that address waits out the window as well.
        await (await Get(guesser, SlaHost.AdminKey, "/api/v1/calendars")).Problem(HttpStatusCode.TooManyRequests);
        await (await Get(guesser, SlaHost.ReaderKey, $"/hubs/sla/negotiate?negotiateVersion=1", HttpMethod.Post)).Problem(HttpStatusCode.TooManyRequests);

        Assert.Equal(HttpStatusCode.OK, (await Get(neighbour, SlaHost.AdminKey, "/api/v1/calendars")).StatusCode);
        await (await Get(neighbour, "guess-4-0123456789abcdef", "/api/v1/calendars")).Problem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Requests_with_valid_keys_never_count_as_failures()
    {
        await using var host = new SlaHost(new Dictionary<string, string?> { ["Sla:FailedKeys:Limit"] = "2" });
        var reader = host.Client(SlaHost.ReaderKey);

        for (var i = 0; i < 5; i++)
        {
            // A valid key without the scope is a 403, not a failed authentication.
            await (await reader.PutAsync($"/api/v1/calendars/{Api.Id("cal")}", SlaHost.Json("{}"))).Problem(HttpStatusCode.Forbidden);
        }
        // It names the one scope the endpoint needs, not every scope there is.
        var forbidden = await (await reader.PostAsync($"/api/v1/cases/{Api.Id("case")}/events", SlaHost.Json("{}"))).Problem(HttpStatusCode.Forbidden);
        Assert.Equal("This endpoint needs the events:write scope: ask for a key that has it.", (string)forbidden["detail"]!);

        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/v1/calendars")).StatusCode);
        await (await host.Client("one-wrong-key-0123456789").GetAsync("/api/v1/calendars")).Problem(HttpStatusCode.Unauthorized);
    }

    private static Task<HttpResponseMessage> Get(HttpClient client, string key, string path, HttpMethod? method = null)
    {
        var request = new HttpRequestMessage(method ?? HttpMethod.Get, path);
        request.Headers.Add("X-Api-Key", key);
        return client.SendAsync(request);
    }

    /// <summary>A client whose connections come from <paramref name="source"/>, another loopback address.</summary>
    private static HttpClient From(SlaHost host, IPAddress source)
    {
        var port = host.Client(null).BaseAddress!.Port;
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(source, 0));
                    await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
    }
}
