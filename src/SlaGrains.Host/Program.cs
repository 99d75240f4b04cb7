using Orleans.Serialization;
using SlaGrains.Contracts.Serialization;
using SlaGrains.Grains;
using SlaGrains.Host.Storage;

var builder = WebApplication.CreateBuilder(args);

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
    await PostgresSchema.ApplyAsync(postgres);
}

builder.UseOrleans(silo =>
{
    silo.UseSlaStorage(builder.Configuration);
    silo.Services.AddSerializer(s => s.AddSlaSerialization());
    silo.Services.AddSlaGrains();
});

var app = builder.Build();

app.MapGet("/health/live", () => Results.Ok(new { status = "live" }));

await app.RunAsync();
return 0;
