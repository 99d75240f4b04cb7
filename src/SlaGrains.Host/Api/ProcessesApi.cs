using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using SlaGrains.Contracts.Audit;
using SlaGrains.Contracts.Cases;
using SlaGrains.Contracts.Catalog;
using SlaGrains.Contracts.Processes;
using SlaGrains.Domain.Processes;
using SlaGrains.Host.Api.OpenApi;
using SlaGrains.Host.Audit;
using SlaGrains.Host.Hosting;
using SlaGrains.Host.Lifecycle;
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

        group.MapPost("/{processId}/move-cases", MoveCases).RequireAuthorization(Scopes.Admin).AcceptsJson<MoveCasesRequest>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("moveProcessCases").WithSummary("Move the open cases running on one version of a process to another version");

        group.MapGet("/", async Task<JsonOk<IReadOnlyList<ProcessRead>>> (GrainReferences grains) =>
        {
            var ids = await grains.Get<ICatalogGrain>(ICatalogGrain.Processes).List();
            var latest = await Task.WhenAll(ids.Select(id => grains.Get<IProcessGrain>(id).GetLatest()));
            return ApiJson.StoredList(latest.OfType<ProcessVersion>().Select(v => (v.Definition, Read(v))));
        }).RequireAuthorization(Scopes.Read)
            .WithName("listProcesses").WithSummary("List the processes, each at its latest version");

        return group;
    }

    /// <summary>docs/api.md, "Moving open cases to a process version": every open case of the process on fromVersion moves.</summary>
    private static async Task<Results<JsonOk<MoveCasesResult>, ProblemHttpResult>> MoveCases(string processId, HttpRequest request,
        GrainReferences grains, ClaimsPrincipal caller, IAuditLog audit)
    {
        var (body, problem) = await JsonBody.Read<MoveCasesRequest>(request);
        if (problem is not null)
        {
            return problem;
        }
        var process = grains.Get<IProcessGrain>(processId);
        if (await process.GetLatest() is null)
        {
            return ApiProblems.NotFound($"process '{processId}'");
        }
        var errors = new Dictionary<string, string[]>();
        if (body!.FromVersion is not { } from || await process.GetVersion(from) is null)
        {
            errors["fromVersion"] = [$"Give the version of process '{processId}' the cases run on now (an existing version number)."];
        }
        if (body.ToVersion is not { } to || await process.GetVersion(to) is not { } target)
        {
            errors["toVersion"] = [$"Give the version of process '{processId}' to move the cases to (an existing version number)."];
        }
        else if (to == body.FromVersion)
        {
            errors["toVersion"] = ["toVersion is the version the cases run on already."];
        }
        else if (!target.Definition.Active)
        {
            errors["toVersion"] = [$"Version {to} is deactivated; cases move only to an active version."];
        }
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors);
        }
        var results = await OpenCases.ForEach(grains, caseId => Move(grains, caseId, processId, body.FromVersion!.Value, body.ToVersion!.Value));
        var answer = new MoveCasesResult(results.Count(r => r.Outcome == CaseOperationResult.Moved), results);
        await audit.Record(caller, AuditEntry.CasesMoved, new AuditResource(AuditResource.Process, processId, body.ToVersion),
            new { version = body.FromVersion }, new { version = body.ToVersion, answer.Moved, answer.Results });
        return ApiJson.Ok(answer);
    }

    /// <summary>One open case: moved, skipped with why, or left out when it is not in the process.</summary>
    private static async Task<CaseOperationResult?> Move(GrainReferences grains, string caseId, string processId, int from, int to)
    {
        try
        {
            var result = await grains.Get<ICaseGrain>(caseId).MoveProcess(processId, from, to);
            return result.Moved ? new CaseOperationResult(caseId, CaseOperationResult.Moved)
                : result.InProcess ? new CaseOperationResult(caseId, CaseOperationResult.Skipped, result.Reason)
                : null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // One unreachable case must not undo the others' moves: it is reported, and the move can be sent again.
            return new CaseOperationResult(caseId, CaseOperationResult.Skipped, "The case could not be reached; send the move again to retry it.");
        }
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
