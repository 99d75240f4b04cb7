using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using SlaGrains.Host.Hosting;

namespace SlaGrains.Host.Tests;

/// <summary>
/// The host started as the docs say, with <c>dotnet run</c> and its launch profile: Development only when no
/// environment was chosen, so the production start never has <c>dev-admin-key</c>.
/// </summary>
public sealed class LaunchTests
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    [Fact]
    public async Task The_production_start_of_the_docs_refuses_the_development_key()
    {
        // docs/api.md#keys: Sla__ApiKeys__... ASPNETCORE_ENVIRONMENT=Production dotnet run --project src/SlaGrains.Host
        await using var host = await DotnetRun(new Dictionary<string, string>
        {
            ["Sla__ApiKeys__0__Name"] = "ops",
            ["Sla__ApiKeys__0__Key"] = SlaHost.AdminKey,
            ["Sla__ApiKeys__0__Scopes__0"] = "read",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
        });

        await (await host.Get("/api/v1/calendars", "dev-admin-key")).Problem(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await host.Get("/api/v1/calendars", SlaHost.AdminKey)).StatusCode);
    }

    [Fact]
    public async Task Dotnet_run_without_an_environment_starts_in_development()
    {
        await using var host = await DotnetRun(new Dictionary<string, string> { ["Sla__Demo__Seed"] = "false" });

        Assert.Equal(HttpStatusCode.OK, (await host.Get("/api/v1/calendars", "dev-admin-key")).StatusCode);
    }

    [Theory]
    [InlineData("SlaGrains", null, null, new string[0], "Development")]
    [InlineData("SlaGrains", "Production", null, new string[0], null)]
    [InlineData("SlaGrains", null, "Staging", new string[0], null)]
    [InlineData("SlaGrains", null, null, new[] { "--environment", "Production" }, null)]
    [InlineData("SlaGrains", null, null, new[] { "--environment=Production" }, null)]
    [InlineData(null, null, null, new string[0], null)] // not through dotnet run: ASP.NET Core's default, Production
    public void Only_a_launch_profile_without_a_chosen_environment_defaults_to_development(
        string? profile, string? aspnetcore, string? dotnet, string[] args, string? expected)
    {
        var variables = new Dictionary<string, string?>
        {
            [LaunchEnvironment.ProfileVariable] = profile,
            ["ASPNETCORE_ENVIRONMENT"] = aspnetcore,
            ["DOTNET_ENVIRONMENT"] = dotnet,
        };

        Assert.Equal(expected, LaunchEnvironment.Default(args, v => variables.GetValueOrDefault(v)));
    }

    private static async Task<RunningHost> DotnetRun(Dictionary<string, string> environment)
    {
        var root = RepositoryRoot();
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { "run", "--no-build", "-c", Configuration, "--project", Path.Combine(root, "src", "SlaGrains.Host"), "--urls", $"http://127.0.0.1:{port}" },
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var inherited in new[] { "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", LaunchEnvironment.ProfileVariable, "ASPNETCORE_URLS", "ConnectionStrings__Postgres" })
        {
            start.Environment.Remove(inherited);
        }
        start.Environment["Sla__Cluster__SiloPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Sla__Cluster__GatewayPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        var host = new RunningHost(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}"));
        await host.Ready();
        return host;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SlaGrains.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("SlaGrains.sln not found above " + AppContext.BaseDirectory);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class RunningHost : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly HttpClient _client;
        private readonly StringBuilder _output = new();

        public RunningHost(Process process, Uri address)
        {
            _process = process;
            _client = new HttpClient { BaseAddress = address };
            process.OutputDataReceived += (_, e) => Append(e.Data);
            process.ErrorDataReceived += (_, e) => Append(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public async Task Ready()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            while (!timeout.IsCancellationRequested)
            {
                Assert.False(_process.HasExited, $"the host exited: {Output()}");
                try
                {
                    if ((await _client.GetAsync("/health/live", timeout.Token)).IsSuccessStatusCode)
                    {
                        return;
                    }
                }
                catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
                {
                    // not listening yet
                }
                await Task.Delay(200); // polls a process starting up; nothing is timed
            }
            Assert.Fail($"the host did not start: {Output()}");
        }

        public Task<HttpResponseMessage> Get(string path, string key)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add("X-Api-Key", key);
            return _client.SendAsync(request);
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
            _process.Dispose();
            _client.Dispose();
        }

        private void Append(string? line)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }

        private string Output()
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }
}
