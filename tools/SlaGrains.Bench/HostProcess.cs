using System.Diagnostics;
using System.Globalization;

namespace SlaGrains.Bench;

/// <summary>A SlaGrains host started as its own process (Release build), with a benchmark key and the no-op limit endpoint.</summary>
public sealed class HostProcess : IAsyncDisposable
{
    public const string Key = "bench-key-0123456789abcdef";
    private readonly Process _process;

    private HostProcess(Process process, Uri url, string logPath)
    {
        _process = process;
        Url = url;
        LogPath = logPath;
    }

    /// <summary>The host's own output, so a host that dies mid-run leaves its reason behind.</summary>
    public string LogPath { get; }

    public Uri Url { get; }
    public int Pid => _process.Id;

    /// <summary>
    /// The CPU time the host has used so far. Per event, it says what SlaGrains itself costs, whatever else the shared
    /// cores are busy with: throughput on this machine swings by a quarter between runs, this far less.
    /// </summary>
    public TimeSpan Cpu()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    /// <summary>
    /// Added to every host's HTTP port (and so to its silo and gateway ports): two benchmarks on one machine, e.g. two
    /// engineers' builds, each with an offset of its own.
    /// </summary>
    public static int PortOffset { get; set; }

    /// <param name="settings">More of the host's environment (configuration keys with <c>__</c>), for an A/B of a setting.</param>
    public static async Task<HostProcess> Start(string root, int port, string? postgres, IReadOnlyDictionary<string, string>? settings = null)
    {
        port += PortOffset;
        // A port another benchmark's host holds would answer the readiness check below: that host would be measured.
        using (var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, port))
        {
            try
            {
                probe.Start();
            }
            catch (System.Net.Sockets.SocketException ex)
            {
                throw new InvalidOperationException($"port {port} is taken (another benchmark running?): use --port-offset", ex);
            }
        }
        var info = new ProcessStartInfo("dotnet", ["../../src/SlaGrains.Host/bin/Release/net10.0/SlaGrains.Host.dll".Replace("../../", root + "/", StringComparison.Ordinal), "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = Path.Combine(root, "src/SlaGrains.Host"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var env = info.Environment;
        env["ASPNETCORE_ENVIRONMENT"] = "Production";
        env["Sla__ApiKeys__0__Name"] = "bench";
        env["Sla__ApiKeys__0__Key"] = Key;
        env["Sla__ApiKeys__0__Scopes__0"] = "admin";
        env["Sla__ApiKeys__0__Scopes__1"] = "read";
        env["Sla__ApiKeys__0__Scopes__2"] = "events:write";
        env["Sla__Benchmark__Enabled"] = "true";
        env["Sla__RateLimit__PermitsPerSecond"] = "10000000";
        env["Sla__RateLimit__Burst"] = "10000000";
        env["Sla__Hub__CallsPerSecond"] = "10000000"; // every push client subscribes with the one bench key
        env["Sla__Hub__CallBurst"] = "10000000";
        env["Sla__Cluster__SiloPort"] = (11300 + port - 5300).ToString(CultureInfo.InvariantCulture);
        env["Sla__Cluster__GatewayPort"] = (30300 + port - 5300).ToString(CultureInfo.InvariantCulture);
        env["Sla__Cluster__AdvertisedIP"] = "127.0.0.1";
        env["Sla__Webhooks__AllowedHosts__0"] = "127.0.0.1"; // the harness's receivers
        env["Logging__LogLevel__Default"] = "Warning";
        if (postgres is not null)
        {
            env["ConnectionStrings__Postgres"] = postgres;
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            env[key] = value;
        }
        var process = Process.Start(info)!;
        var logPath = Path.Combine(Path.GetTempPath(), $"slagrains-bench-host-{port}.log");
        // Flushed per line and left open: output events may still arrive while the process is torn down.
        var log = new StreamWriter(logPath, append: false) { AutoFlush = true };
        void Write(string? line)
        {
            lock (log)
            {
                log.WriteLine(line);
            }
        }
        process.OutputDataReceived += (_, e) => Write(e.Data);
        process.ErrorDataReceived += (_, e) => Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new HostProcess(process, new Uri($"http://127.0.0.1:{port}"), logPath);
        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            try
            {
                if ((await http.GetAsync(new Uri(host.Url, "/health/ready"))).IsSuccessStatusCode)
                {
                    return host;
                }
            }
            catch (HttpRequestException)
            {
            }
            if (DateTime.UtcNow > deadline || process.HasExited)
            {
                throw new InvalidOperationException($"the host did not become ready; its log: {logPath}");
            }
            await Task.Delay(250);
        }
    }

    /// <summary>Resident memory of the host process, in bytes (Linux /proc).</summary>
    public long ResidentBytes()
    {
        if (_process.HasExited)
        {
            throw new InvalidOperationException($"the host exited with code {_process.ExitCode}; its log: {LogPath}");
        }
        foreach (var line in File.ReadLines($"/proc/{Pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
            }
        }
        return 0;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
