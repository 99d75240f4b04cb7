using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SlaGrains.Host.Tests;

/// <summary>
/// The real host on a loopback port (Kestrel, not the in-memory test server), outside Development so only the
/// configured keys exist: one per scope, and an admin key with all three.
/// </summary>
public class SlaHost : WebApplicationFactory<Program>
{
    public const string AdminKey = "test-admin-key-0123456789";
    public const string ReaderKey = "test-reader-key-0123456789";
    public const string WriterKey = "test-writer-key-0123456789";

    private readonly Dictionary<string, string?> _settings;

    public SlaHost(IReadOnlyDictionary<string, string?>? settings = null)
    {
        _settings = new Dictionary<string, string?>
        {
            ["Sla:ApiKeys:0:Name"] = "admin",
            ["Sla:ApiKeys:0:Key"] = AdminKey,
            ["Sla:ApiKeys:0:Scopes:0"] = "admin",
            ["Sla:ApiKeys:0:Scopes:1"] = "read",
            ["Sla:ApiKeys:0:Scopes:2"] = "events:write",
            ["Sla:ApiKeys:1:Name"] = "reader",
            ["Sla:ApiKeys:1:Key"] = ReaderKey,
            ["Sla:ApiKeys:1:Scopes:0"] = "read",
            ["Sla:ApiKeys:2:Name"] = "writer",
            ["Sla:ApiKeys:2:Key"] = WriterKey,
            ["Sla:ApiKeys:2:Scopes:0"] = "events:write",
            ["Sla:Cluster:SiloPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Sla:Cluster:GatewayPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Sla:MaxRequestBodyBytes"] = "262144",
            ["Sla:Webhooks:RetryBaseDelay"] = "00:00:00.100",
            ["Sla:Webhooks:MaxRetryDelay"] = "00:00:00.400",
            ["Sla:Webhooks:AllowedHosts:0"] = "127.0.0.1", // the tests' receivers
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
        UseKestrel(0);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>A client on the real server, sending <paramref name="key"/> (none when null).</summary>
    public HttpClient Client(string? key = AdminKey)
    {
        StartServer();
        var client = CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }
        return client;
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
