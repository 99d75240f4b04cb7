using Microsoft.AspNetCore.Http.HttpResults;
using SlaGrains.Contracts.Catalog;
using SlaGrains.Contracts.Processes;
using SlaGrains.Domain.Processes;
using SlaGrains.Host.Api.OpenApi;
using SlaGrains.Host.Hosting;
using SlaGrains.Host.Security;

namespace SlaGrains.Host.Api;

/// <summary>docs/api.md, "Entitlement processes": versioned definitions; a changed PUT makes a new version.</summary>
public static class ProcessesApi
{
    public static RouteGroupBuilder MapProcessesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/processes").WithTags("Processes");

        group.MapPut("/{processId}", async Task<Results<JsonOk<ProcessRead>, ProblemHttpResult>> (string processId, HttpRequest request, GrainReferences grains) =>
        {
            var (definition, problem) = await JsonBody.Read<ProcessDefinition>(request);
            if (problem is not null)
            {
                return problem;
            }
            var result = await grains.Get<IProcessGrain>(processId).Put(definition!);
            return result.Succeeded ? Shape(result.Value!) : ApiProblems.Invalid(result.Errors!);
        }).RequireAuthorization(Scopes.Admin).AcceptsJson<ProcessDefinition>()
            .WithName("putProcess").WithSummary("Create or change an entitlement process; a changed definition makes a new version");

        group.MapGet("/{processId}", async Task<Results<JsonOk<ProcessRead>, ProblemHttpResult>> (string processId, GrainReferences grains) =>
            await grains.Get<IProcessGrain>(processId).GetLatest() is { } latest
                ? Shape(latest)
                : ApiProblems.NotFound($"process '{processId}'")).RequireAuthorization(Scopes.Read)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("getProcess").WithSummary("Read a process's latest version");

        group.MapGet("/{processId}/versions/{version:int}", async Task<Results<JsonOk<ProcessRead>, ProblemHttpResult>> (string processId, int version, GrainReferences grains) =>
            await grains.Get<IProcessGrain>(processId).GetVersion(version) is { } found
                ? Shape(found)
                : ApiProblems.NotFound($"version {version} of process '{processId}'")).RequireAuthorization(Scopes.Read)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("getProcessVersion").WithSummary("Read one version of a process");

        group.MapGet("/", async Task<JsonOk<IReadOnlyList<ProcessRead>>> (GrainReferences grains) =>
        {
            var ids = await grains.Get<ICatalogGrain>(ICatalogGrain.Processes).List();
            var latest = await Task.WhenAll(ids.Select(id => grains.Get<IProcessGrain>(id).GetLatest()));
            return ApiJson.StoredList(latest.OfType<ProcessVersion>().Select(v => (v.Definition, Read(v))));
        }).RequireAuthorization(Scopes.Read)
            .WithName("listProcesses").WithSummary("List the processes, each at its latest version");

        return group;
    }

    private static JsonOk<ProcessRead> Shape(ProcessVersion version) => ApiJson.Stored(version.Definition, Read(version));

    private static ProcessRead Read(ProcessVersion version) => new(version.ProcessId, version.Version, version.CreatedAt);
}
