namespace SlaGrains.Host.Tests;

/// <summary>One host shared by the API tests (embedded storage); tests use fresh ids so they do not meet.</summary>
public sealed class HostFixture : IAsyncLifetime
{
    public SlaHost Host { get; } = new();

    public Task InitializeAsync()
    {
        Host.StartServer();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class HostTests : ICollectionFixture<HostFixture>
{
    public const string Name = "host";
}
