using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SlaGrains.Host.Hosting;
using SlaGrains.Host.Storage;
using SlaGrains.Tests.Shared.Postgres;

namespace SlaGrains.Host.Tests;

/// <summary>What an operator's console shows while the host starts: each step as it begins, and no false alarm.</summary>
public sealed class StartupLogTests
{
    [Fact]
    public async Task The_watchdogs_false_start_warning_is_not_shown_and_other_Orleans_warnings_are()
    {
        await using var host = new LoggedHost();
        Assert.Equal("Healthy", await (await host.Client().GetAsync("/health/ready")).Content.ReadAsStringAsync());
        var loggers = host.Services.GetRequiredService<ILoggerFactory>();

        Assert.False(loggers.CreateLogger("Orleans.Runtime.Watchdog").IsEnabled(LogLevel.Warning));
        Assert.True(loggers.CreateLogger("Orleans.Runtime.Watchdog").IsEnabled(LogLevel.Error));
        Assert.True(loggers.CreateLogger("Orleans.Runtime.Silo").IsEnabled(LogLevel.Warning));
        Assert.DoesNotContain(host.Log.GetSnapshot(), r => r.Category == "Orleans.Runtime.Watchdog");
    }

    [Fact]
    public async Task A_first_start_on_a_fresh_database_says_what_it_is_doing_step_by_step()
    {
        await using var database = await TestDatabase.Create();
        await using var host = new LoggedHost(new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = database.ConnectionString });
        Assert.Equal("Healthy", await (await host.Client().GetAsync("/health/ready")).Content.ReadAsStringAsync());

        var records = host.Log.GetSnapshot().ToList();
        var all = string.Join('\n', records.Select(r => $"{r.Category}: {r.Message}"));
        int Step(string category, string text) =>
            records.FindIndex(r => r.Category == category && r.Message.Contains(text, StringComparison.Ordinal)) is var i and >= 0
                ? i
                : throw new Xunit.Sdk.XunitException($"No '{text}' from {category} in:\n{all}");
        int[] steps =
        [
            Step(typeof(PostgresSchemaStartup).FullName!, $"Applying the PostgreSQL schema ({PostgresSchema.Scripts.Count} scripts)"),
            Step(typeof(PostgresSchemaStartup).FullName!, "PostgreSQL schema applied in"),
            Step(typeof(PostgresStorageNotice).FullName!, $"database {database.Name}"),
            Step(typeof(SiloStartedNotice).FullName!, "is active in cluster"),
            Step("Microsoft.Hosting.Lifetime", "Now listening on"),
        ];

        Assert.True(steps.SequenceEqual(steps.Order()), all);
        Assert.DoesNotContain(records, r => r.Category == "Orleans.Runtime.Watchdog");
    }
}
