using Npgsql;
using SlaGrains.Host.Storage;

namespace SlaGrains.Host.Tests;

/// <summary>The Npgsql settings Orleans' providers run with, and that an operator's own settings win.</summary>
public sealed class SlaStorageTests
{
    [Fact]
    public void Orleans_providers_prepare_their_statements_and_skip_the_reset_on_close()
    {
        var tuned = new NpgsqlConnectionStringBuilder(
            SlaStorage.ForOrleansProviders("Host=db;Username=sla;Password=secret;Database=sla;Maximum Pool Size=40"));

        Assert.Equal(32, tuned.MaxAutoPrepare);
        Assert.True(tuned.NoResetOnClose);
        Assert.Equal(40, tuned.MaxPoolSize);
        Assert.Equal("secret", tuned.Password);
    }

    [Fact]
    public void An_operators_own_settings_are_kept()
    {
        var tuned = new NpgsqlConnectionStringBuilder(
            SlaStorage.ForOrleansProviders("Host=db;Username=sla;Database=sla;Max Auto Prepare=0;No Reset On Close=false"));

        Assert.Equal(0, tuned.MaxAutoPrepare);
        Assert.False(tuned.NoResetOnClose);
    }
}
