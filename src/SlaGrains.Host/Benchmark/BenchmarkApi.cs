using SlaGrains.Contracts.Benchmark;
using SlaGrains.Host.Hosting;
using SlaGrains.Host.Security;

namespace SlaGrains.Host.Benchmark;

/// <summary>
/// The ingestion benchmark (docs/benchmarks.md) measures against a bare minimal-API endpoint that only calls one no-op
/// grain, in the same run. This is that endpoint; it exists only when <c>Sla:Benchmark:Enabled</c> is true.
/// </summary>
public static class BenchmarkApi
{
    public static IEndpointRouteBuilder MapBenchmarkApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/bench/noop/{id}", async (string id, GrainReferences grains) =>
        {
            await grains.Get<INoopGrain>(id).Ping();
            return Results.Ok();
        }).RequireAuthorization(Scopes.EventsWrite).ExcludeFromDescription();
        return routes;
    }
}
