using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using SlaGrains.Contracts.Audit;
using SlaGrains.Contracts.Entitlements;
using SlaGrains.Domain.Entitlements;
using SlaGrains.Host.Api.OpenApi;
using SlaGrains.Host.Audit;
using SlaGrains.Host.Hosting;
using SlaGrains.Host.Security;

namespace SlaGrains.Host.Api;

/// <summary>docs/api.md, "Entitlements": an account's right to a process, with status and remaining cases on read.</summary>
public static class EntitlementsApi
{
    public static RouteGroupBuilder MapEntitlementsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1").WithTags("Entitlements");

        group.MapPut("/entitlements/{entitlementId}", async Task<Results<JsonOk<EntitlementRead>, ProblemHttpResult>> (string entitlementId, HttpRequest request, GrainReferences grains, ClaimsPrincipal caller, IAuditLog audit) =>
        {
            var (definition, problem) = await JsonBody.Read<EntitlementDefinition>(request);
            if (problem is not null)
            {
                return problem;
            }
            if (Ids.Check("accountId", definition!.AccountId) is { } badAccount)
            {
                return badAccount;
            }
            var entitlement = grains.Get<IEntitlementGrain>(entitlementId);
            var before = await entitlement.Read();
            var result = await entitlement.Put(definition);
            if (!result.Succeeded)
            {
                return ApiProblems.Invalid(result.Errors!);
            }
            var stored = result.Value!;
            if (!result.Unchanged)
            {
                await audit.Record(caller, before is null ? AuditEntry.Created : AuditEntry.Updated,
                    new AuditResource(AuditResource.Entitlement, entitlementId), Audited(before), Audited(stored));
            }
            return Shape(stored);
        }).RequireAuthorization(Scopes.Admin).AcceptsJson<EntitlementDefinition>()
            .WithName("putEntitlement").WithSummary("Create or replace an account's entitlement to a process");

        group.MapGet("/entitlements/{entitlementId}", async Task<Results<JsonOk<EntitlementRead>, ProblemHttpResult>> (string entitlementId, GrainReferences grains) =>
            await grains.Get<IEntitlementGrain>(entitlementId).Read() is { } record
                ? Shape(record)
                : ApiProblems.NotFound($"entitlement '{entitlementId}'")).RequireAuthorization(Scopes.Read)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("getEntitlement").WithSummary("Read an entitlement with its status today and remaining cases");

        group.MapDelete("/entitlements/{entitlementId}", async Task<Results<NoContent, ProblemHttpResult>> (string entitlementId, GrainReferences grains, ClaimsPrincipal caller, IAuditLog audit) =>
        {
            var entitlement = grains.Get<IEntitlementGrain>(entitlementId);
            var before = await entitlement.Read();
            var result = await entitlement.Delete();
            if (result.Succeeded)
            {
                await audit.Record(caller, AuditEntry.Deleted, new AuditResource(AuditResource.Entitlement, entitlementId), Audited(before), null);
            }
            return DeleteAnswer.From(result, $"entitlement '{entitlementId}'");
        }).RequireAuthorization(Scopes.Admin).ProducesDeleteProblems()
            .WithName("deleteEntitlement").WithSummary("Delete an entitlement that never admitted a case");

        group.MapGet("/accounts/{accountId}/entitlements", async Task<JsonOk<IReadOnlyList<EntitlementRead>>> (string accountId, GrainReferences grains) =>
        {
            var records = await grains.Get<IAccountGrain>(accountId).ListEntitlements();
            return ApiJson.StoredList(records.Select(r => (r.Definition, Read(r))));
        }).RequireAuthorization(Scopes.Read).ProducesValidationProblem()
            .WithName("listAccountEntitlements").WithSummary("List an account's entitlements");

        return group;
    }

    /// <summary>An entitlement as reads show it, for the audit trail.</summary>
    internal static JsonObject? Audited(EntitlementRecord? record) => record is null ? null : ApiJson.Merge(record.Definition, Read(record));

    private static JsonOk<EntitlementRead> Shape(EntitlementRecord record) => ApiJson.Stored(record.Definition, Read(record));

    private static EntitlementRead Read(EntitlementRecord record) =>
        new(record.EntitlementId, record.Status, record.RemainingCases, record.UpdatedAt);
}
