using SlaGrains.Contracts.Entitlements;
using SlaGrains.Domain.Entitlements;
using SlaGrains.Host.Hosting;
using SlaGrains.Host.Security;

namespace SlaGrains.Host.Api;

/// <summary>docs/api.md, "Entitlements": an account's right to a process, with status and remaining cases on read.</summary>
public static class EntitlementsApi
{
    public static RouteGroupBuilder MapEntitlementsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1").WithTags("Entitlements");

        group.MapPut("/entitlements/{entitlementId}", async (string entitlementId, HttpRequest request, GrainReferences grains) =>
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
            var result = await grains.Get<IEntitlementGrain>(entitlementId).Put(definition);
            return result.Succeeded ? ApiJson.Ok(Shape(result.Value!)) : ApiProblems.Invalid(result.Errors!);
        }).RequireAuthorization(Scopes.Admin).Accepts<EntitlementDefinition>("application/json");

        group.MapGet("/entitlements/{entitlementId}", async (string entitlementId, GrainReferences grains) =>
            await grains.Get<IEntitlementGrain>(entitlementId).Read() is { } record
                ? ApiJson.Ok(Shape(record))
                : ApiProblems.NotFound($"entitlement '{entitlementId}'")).RequireAuthorization(Scopes.Read);

        group.MapGet("/accounts/{accountId}/entitlements", async (string accountId, GrainReferences grains) =>
        {
            var records = await grains.Get<IAccountGrain>(accountId).ListEntitlements();
            return ApiJson.Ok(records.Select(Shape));
        }).RequireAuthorization(Scopes.Read);

        return group;
    }

    private static object Shape(EntitlementRecord record) =>
        ApiJson.With(record.Definition,
            ("entitlementId", record.EntitlementId), ("status", record.Status), ("remainingCases", record.RemainingCases), ("updatedAt", record.UpdatedAt));
}
