using System.Text.Json.Nodes;

namespace SlaGrains.Host.Tests;

/// <summary>What the host process runs with beyond its configuration: the runtime settings its build writes.</summary>
public sealed class RuntimeConfigTests
{
    [Fact]
    public void The_host_runs_with_thread_pool_workers_that_block_at_once_instead_of_spinning()
    {
        // The file `dotnet SlaGrains.Host.dll` (and dotnet run, and the container) starts the runtime with.
        var path = Path.Combine(AppContext.BaseDirectory, "SlaGrains.Host.runtimeconfig.json");
        var config = JsonNode.Parse(File.ReadAllText(path))!;
        Assert.Equal(0, (int)config["runtimeOptions"]!["configProperties"]!["System.Threading.ThreadPool.UnfairSemaphoreSpinLimit"]!);
    }
}
