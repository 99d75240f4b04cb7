using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SlaGrains.ClientGen;

/// <summary>
/// The OpenAPI document of the host as it runs: the host starts in memory (ASP.NET Core's test server, so no HTTP
/// port; the embedded silo on loopback ports of its own) with the document public, and is asked for it.
/// </summary>
public sealed class HostDocument : WebApplicationFactory<Program>
{
    public const string Path = "/openapi/v1.json";

    public static async Task<string> ReadAsync()
    {
        // The host's content root, which the test server would otherwise look for beside the solution file.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_SLAGRAINS_HOST", System.IO.Path.GetFullPath("src/SlaGrains.Host"));
        await using var host = new HostDocument();
        using var client = host.CreateClient();
        return await client.GetStringAsync(new Uri(Path, UriKind.Relative));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Production");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Sla:OpenApi:Public", "true");
        builder.UseSetting("Sla:ApiKeys:0:Name", "client-generator");
        builder.UseSetting("Sla:ApiKeys:0:Key", Convert.ToHexString(Guid.NewGuid().ToByteArray()));
        builder.UseSetting("Sla:ApiKeys:0:Scopes:0", "read");
        builder.UseSetting("Sla:Cluster:SiloPort", FreePort());
        builder.UseSetting("Sla:Cluster:GatewayPort", FreePort());
    }

    private static string FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
