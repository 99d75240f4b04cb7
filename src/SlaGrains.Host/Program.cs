using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Serialization;
using SlaGrains.Contracts.Serialization;
using SlaGrains.Domain.Cases;
using SlaGrains.Domain.Validation;
using SlaGrains.Grains;
using SlaGrains.Grains.Calendars;
using SlaGrains.Grains.Email;
using SlaGrains.Grains.Webhooks;
using SlaGrains.Host.Api;
using SlaGrains.Host.Benchmark;
using SlaGrains.Host.Demo;
using SlaGrains.Host.Hosting;
using SlaGrains.Host.Live;
using SlaGrains.Host.Reports;
using SlaGrains.Host.Security;
using SlaGrains.Host.Storage;

// `dotnet run` starts in Development unless an environment is set (LaunchEnvironment says why not in launchSettings.json).
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    EnvironmentName = LaunchEnvironment.Default(args, Environment.GetEnvironmentVariable),
});

// `dotnet run --project src/SlaGrains.Host -- migrate` applies the PostgreSQL schema and exits.
var postgres = SlaStorage.PostgresConnectionString(builder.Configuration);
if (args.Contains("migrate", StringComparer.Ordinal))
{
    if (postgres is null)
    {
        Console.Error.WriteLine("migrate needs ConnectionStrings:Postgres (for example ConnectionStrings__Postgres=\"Host=...;Database=...\").");
        return 2;
    }
    await PostgresSchema.ApplyAsync(postgres);
    Console.WriteLine($"Schema applied: {PostgresSchema.Scripts.Count} scripts.");
    return 0;
}
if (postgres is not null && builder.Configuration.GetValue("Sla:Storage:ApplySchema", true))
{
    // Registered before Orleans' services, so it is the first start-up step the log shows.
    builder.Services.AddHostedService(services => new PostgresSchemaStartup(postgres, services.GetRequiredService<ILogger<PostgresSchemaStartup>>()));
}

var role = SlaRole.From(builder.Configuration, postgres is not null);
if (role.HostsGrains)
{
    builder.UseOrleans(silo =>
    {
        silo.UseSlaStorage(builder.Configuration);
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, SiloStartedNotice>();
        silo.Services.AddSerializer(s => s.AddSlaSerialization());
        silo.Services.AddOptions<WebhookOptions>().Bind(builder.Configuration.GetSection(WebhookOptions.Section));
        silo.Services.AddOptions<EmailOptions>().Bind(builder.Configuration.GetSection(EmailOptions.Section));
        silo.Services.AddOptions<Limits>().Bind(builder.Configuration.GetSection(Limits.Section)).ValidateDataAnnotations().ValidateOnStart();
        silo.Services.AddSlaGrains();
        silo.AddSlaOperationsDashboard(builder.Configuration);
    });
    // Leaving gracefully hands this silo's reminders and activations to the others before it goes.
    builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
}
else
{
    builder.UseOrleansClient(client =>
    {
        client.UseSlaClustering(builder.Configuration);
        client.Services.AddSerializer(s => s.AddSlaSerialization());
        client.AddSlaOperationsDashboard(builder.Configuration);
    });
}
builder.Services.Configure<CalendarCacheOptions>(builder.Configuration.GetSection(CalendarCacheOptions.Section));
builder.Services.AddSingleton<GrainReferences>();
builder.Services.AddSlaReports(postgres, builder.Configuration.GetValue("Sla:Reports:Enabled", true));
builder.AddSlaOperations();
if (role.ServesClients)
{
    builder.Services.AddCompiledCalendars(); // the add/elapsed helpers; shared with the silo's cases when both run here
    builder.AddSlaApiKeys();
    builder.AddSlaApi();
    builder.Services.AddOptions<LiveHubOptions>().Bind(builder.Configuration.GetSection(LiveHubOptions.Section))
        .Validate(o => o.MaxSubscriptionsPerConnection >= 1 && o.CallsPerSecond >= 1 && o.CallBurst >= 1 && o.KeyRecheckInterval > TimeSpan.Zero,
            $"{LiveHubOptions.Section}: MaxSubscriptionsPerConnection, CallsPerSecond and CallBurst must be at least 1, KeyRecheckInterval positive.")
        .ValidateOnStart();
    builder.Services.AddSingleton<HubCallLimiter>();
    builder.Services.AddSignalR(o => o.AddFilter<HubCallLimiter>());
    builder.Services.AddSingleton<LiveSubscriptions>();
    builder.Services.AddSingleton<HubRelay>();
    builder.Services.TryAddSingleton(TimeProvider.System);
    builder.Services.AddSingleton<UserHubConnections>();
    builder.Services.AddHostedService(services => services.GetRequiredService<UserHubConnections>());
    builder.Services.AddHostedService<LiveRelayRegistration>();
    if (builder.Environment.IsDevelopment() && builder.Configuration.GetValue("Sla:Demo:Seed", true))
    {
        builder.Services.AddHostedService<DemoSeeder>();
    }
}

var app = builder.Build();
app.MapSlaOperations();
if (role.ServesClients)
{
    app.MapSlaApi();
    app.MapHub<SlaHub>(SlaHub.Path);
    app.MapSlaOperationsDashboard();
    if (app.Configuration.GetValue("Sla:Benchmark:Enabled", false))
    {
        app.MapBenchmarkApi();
    }
}
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
