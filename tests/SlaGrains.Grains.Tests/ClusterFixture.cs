using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.TestingHost;
using SlaGrains.Contracts.Serialization;
using SlaGrains.Grains;

namespace SlaGrains.Grains.Tests;

/// <summary>A real in-process Orleans cluster with memory storage, shared by the tests of one collection.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(StorageNames.Sla);
            silo.UseInMemoryReminderService();
            silo.Services.AddSerializer(s => s.AddSlaSerialization());
        });
        builder.ConfigureClient(client => client.Services.AddSerializer(s => s.AddSlaSerialization()));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ClusterTests : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
