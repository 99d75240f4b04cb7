using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using SlaGrains.Contracts.Audit;
using SlaGrains.Contracts.Catalog;
using SlaGrains.Contracts.Processes;
using SlaGrains.Domain.Processes;
using SlaGrains.Host.Api.OpenApi;
using SlaGrains.Host.Audit;
using SlaGrains.Host.Hosting;
using SlaGrains.Host.Security;

namespace SlaGrains.Host.Api;

/// <summary>docs/api.md, "Entitlement processes": versioned definitions; a changed PUT makes a new version.</summary>
public static class ProcessesApi
{
    public static RouteGroupBuilder MapProcessesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/processes").WithTags("Processes");

        group.MapPut("/{processId}", async Task<Results<JsonOk<ProcessRead>, ProblemHttpResult>> (string processId, HttpRequest request, GrainReferences grains, ClaimsPrincipal caller, IAuditLog audit) =>
        {
            var (definition, problem) = await JsonBody.Read<ProcessDefinition>(request);
            if (problem is not null)
            {
                return problem;
            }
            var process = grains.Get<IProcessGrain>(processId);
            var before = await process.GetLatest();
            var result = await process.Put(definition!);
            if (!result.Succeeded)
            {
                return ApiProblems.Invalid(result.Errors!);
            }
            var stored = result.Value!;
            if (!result.Unchanged)
            {
                await audit.Record(caller, before is null ? AuditEntry.Created : AuditEntry.Updated,
                    new AuditResource(AuditResource.Process, processId, stored.Version), Audited(before), Audited(stored));
            }
            return Shape(stored);
        }).RequireAuthorization(Scopes.Admin).AcceptsJson<ProcessDefinition>()
            .WithName("putProcess").WithSummary("Create or change an entitlement process; a changed definition makes a new version");

        group.MapGet("/{processId}", async Task<Results<JsonOk<ProcessRead>, ProblemHttpResult>> (string processId, GrainReferences grains) =>
            await grains.Get<IProcessGrain>(processId).GetLatest() is { } latest
                ? Shape(latest)
                : ApiProblems.NotFound($"process '{processId}'")).RequireAuthorization(Scopes.Read)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("getProcess").WithSummary("Read a process's latest version");

        group.MapGet("/{processId}/versions/{version:int}", async Task<Results<JsonOk<ProcessRead>, ProblemHttpResult>> (string processId, int version, GrainReferences grains) =>
            // A deleted process's versions stay for the cases pinned to them, but reads answer as for an unknown process.
            await grains.Get<IProcessGrain>(processId).GetLatest() is not null && await grains.Get<IProcessGrain>(processId).GetVersion(version) is { } found
                ? Shape(found)
                : ApiProblems.NotFound($"version {version} of process '{processId}'")).RequireAuthorization(Scopes.Read)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("getProcessVersion").WithSummary("Read one version of a process");

        group.MapDelete("/{processId}", async Task<Results<NoContent, ProblemHttpResult>> (string processId, GrainReferences grains, ClaimsPrincipal caller, IAuditLog audit) =>
        {
            var process = grains.Get<IProcessGrain>(processId);
            var before = await process.GetLatest();
            var result = await process.Delete();
            if (result.Succeeded)
            {
                await audit.Record(caller, AuditEntry.Deleted, new AuditResource(AuditResource.Process, processId, before?.Version), Audited(before), null);
            }
            return DeleteAnswer.From(result, $"process '{processId}'");
        }).RequireAuthorization(Scopes.Admin).ProducesDeleteProblems()
            .WithName("deleteProcess").WithSummary("Delete a process no entitlement grants; cases pinned to its versions keep them");

        group.MapPost("/{processId}/deactivate", (string processId, GrainReferences grains, ClaimsPrincipal caller, IAuditLog audit) =>
            SetActive(processId, false, grains, caller, audit)).RequireAuthorization(Scopes.Admin)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("deactivateProcess").WithSummary("Deactivate a process: it admits no new case; open cases keep running on their versions");

        group.MapPost("/{processId}/activate", (string processId, GrainReferences grains, ClaimsPrincipal caller, IAuditLog audit) =>
            SetActive(processId, true, grains, caller, audit)).RequireAuthorization(Scopes.Admin)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("activateProcess").WithSummary("Activate a process again, so it admits new cases");

        group.MapGet("/", async Task<JsonOk<IReadOnlyList<ProcessRead>>> (GrainReferences grains) =>
        {
            var ids = await grains.Get<ICatalogGrain>(ICatalogGrain.Processes).List();
            var latest = await Task.WhenAll(ids.Select(id => grains.Get<IProcessGrain>(id).GetLatest()));
            return ApiJson.StoredList(latest.OfType<ProcessVersion>().Select(v => (v.Definition, Read(v))));
        }).RequireAuthorization(Scopes.Read)
            .WithName("listProcesses").WithSummary("List the processes, each at its latest version");

        return group;
    }

    /// <summary>Deactivating or activating stores a new version with <c>active</c> flipped, so history says when it changed.</summary>
    private static async Task<Results<JsonOk<ProcessRead>, ProblemHttpResult>> SetActive(string processId, bool active, GrainReferences grains, ClaimsPrincipal caller, IAuditLog audit)
    {
        var process = grains.Get<IProcessGrain>(processId);
        var before = await process.GetLatest();
        var result = await process.SetActive(active);
        if (result.Value is not { } stored)
        {
            return ApiProblems.NotFound($"process '{processId}'");
        }
        if (!result.Unchanged)
        {
            await audit.Record(caller, active ? AuditEntry.Activated : AuditEntry.Deactivated,
                new AuditResource(AuditResource.Process, processId, stored.Version), Audited(before), Audited(stored));
        }
        return Shape(stored);
    }

    /// <summary>A version as reads show it, for the audit trail.</summary>
    internal static JsonObject? Audited(ProcessVersion? version) => version is null ? null : ApiJson.Merge(version.Definition, Read(version));

    private static JsonOk<ProcessRead> Shape(ProcessVersion version) => ApiJson.Stored(version.Definition, Read(version));

    private static ProcessRead Read(ProcessVersion version) => new(version.ProcessId, version.Version, version.CreatedAt);
}
