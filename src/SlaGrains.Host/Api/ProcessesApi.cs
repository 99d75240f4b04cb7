using SlaGrains.Contracts.Catalog;
using SlaGrains.Contracts.Processes;
using SlaGrains.Domain.Processes;
using SlaGrains.Host.Hosting;
using SlaGrains.Host.Security;

namespace SlaGrains.Host.Api;

/// <summary>docs/api.md, "Entitlement processes": versioned definitions; a changed PUT makes a new version.</summary>
public static class ProcessesApi
{
    public static RouteGroupBuilder MapProcessesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/processes").WithTags("Processes");

        group.MapPut("/{processId}", async (string processId, HttpRequest request, GrainReferences grains) =>
        {
            var (definition, problem) = await JsonBody.Read<ProcessDefinition>(request);
            if (problem is not null)
            {
                return problem;
            }
            var result = await grains.Get<IProcessGrain>(processId).Put(definition!);
            return result.Succeeded ? ApiJson.Ok(Shape(result.Value!)) : ApiProblems.Invalid(result.Errors!);
        }).RequireAuthorization(Scopes.Admin).Accepts<ProcessDefinition>("application/json");

        group.MapGet("/{processId}", async (string processId, GrainReferences grains) =>
            await grains.Get<IProcessGrain>(processId).GetLatest() is { } latest
                ? ApiJson.Ok(Shape(latest))
                : ApiProblems.NotFound($"process '{processId}'")).RequireAuthorization(Scopes.Read);

        group.MapGet("/{processId}/versions/{version:int}", async (string processId, int version, GrainReferences grains) =>
            await grains.Get<IProcessGrain>(processId).GetVersion(version) is { } found
                ? ApiJson.Ok(Shape(found))
                : ApiProblems.NotFound($"version {version} of process '{processId}'")).RequireAuthorization(Scopes.Read);

        group.MapGet("/", async (GrainReferences grains) =>
        {
            var ids = await grains.Get<ICatalogGrain>(ICatalogGrain.Processes).List();
            var latest = await Task.WhenAll(ids.Select(id => grains.Get<IProcessGrain>(id).GetLatest()));
            return ApiJson.Ok(latest.OfType<ProcessVersion>().Select(Shape));
        }).RequireAuthorization(Scopes.Read);

        return group;
    }

    private static object Shape(ProcessVersion version) =>
        ApiJson.With(version.Definition, ("processId", version.ProcessId), ("version", version.Version), ("createdAt", version.CreatedAt));
}
