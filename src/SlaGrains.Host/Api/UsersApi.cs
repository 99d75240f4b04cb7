using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using NodaTime;
using SlaGrains.Contracts.Catalog;
using SlaGrains.Contracts.People;
using SlaGrains.Domain.People;
using SlaGrains.Domain.Validation;
using SlaGrains.Host.Api.OpenApi;
using SlaGrains.Host.Hosting;
using SlaGrains.Host.Security;

namespace SlaGrains.Host.Api;

/// <summary>docs/api.md, "People": users, their personal keys, and who the caller is.</summary>
public static class UsersApi
{
    /// <summary>Keys a user may hold that are not revoked (expired ones count until revoked).</summary>
    public const int MaxActiveKeys = 20;

    public static RouteGroupBuilder MapUsersApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/users").WithTags("People").RequireAuthorization(Scopes.Admin);

        group.MapPut("/{userId}", async Task<Results<JsonOk<UserRecord>, ProblemHttpResult>> (string userId, HttpRequest request, GrainReferences grains) =>
        {
            var (definition, problem) = await JsonBody.Read<UserDefinition>(request);
            if (problem is not null)
            {
                return problem;
            }
            var result = await grains.Get<IUserGrain>(userId).Put(definition!);
            return result.Succeeded ? ApiJson.Ok(result.Value!) : ApiProblems.Invalid(result.Errors!);
        }).AcceptsJson<UserDefinition>()
            .WithName("putUser").WithSummary("Create or replace a user (name, email, role, queues); reactivates a deactivated one");

        group.MapGet("/{userId}", async Task<Results<JsonOk<UserRecord>, ProblemHttpResult>> (string userId, GrainReferences grains) =>
            await grains.Get<IUserGrain>(userId).Read() is { } user ? ApiJson.Ok(user) : ApiProblems.NotFound($"user '{userId}'"))
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("getUser").WithSummary("Read a user");

        group.MapGet("/", async Task<JsonOk<IReadOnlyList<UserRecord>>> (GrainReferences grains) =>
        {
            var ids = await grains.Get<ICatalogGrain>(ICatalogGrain.Users).List();
            var users = await Task.WhenAll(ids.Select(id => grains.Get<IUserGrain>(id).Read()));
            return ApiJson.Ok<IReadOnlyList<UserRecord>>([.. users.OfType<UserRecord>()]);
        }).WithName("listUsers").WithSummary("List the users, active and deactivated, by id");

        group.MapDelete("/{userId}", async Task<Results<JsonOk<UserRecord>, ProblemHttpResult>> (string userId, GrainReferences grains) =>
            await grains.Get<IUserGrain>(userId).Deactivate() is { } user ? ApiJson.Ok(user) : ApiProblems.NotFound($"user '{userId}'"))
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("deactivateUser").WithSummary("Deactivate a user: their keys stop working at once and their open hub connections close")
            .WithDescription("The user stays listed with `active: false`, so case histories still name them; a PUT reactivates them (their keys stay dead).");

        group.MapPost("/{userId}/keys", async Task<Results<JsonOk<UserKeyCreated>, ProblemHttpResult>> (string userId, HttpRequest request, GrainReferences grains, TimeProvider clock, IOptions<Limits> limits) =>
        {
            var (body, problem) = await JsonBody.Read<UserKeyRequest>(request);
            if (problem is not null)
            {
                return problem;
            }
            var errors = new ValidationErrors();
            if (string.IsNullOrWhiteSpace(body!.Name))
            {
                errors.Add("name", "Name the key so it can be told apart and revoked later (\"laptop\").");
            }
            errors.Text("name", body.Name, limits.Value.MaxTextLength);
            if (body.ExpiresAt is { } expiresAt && expiresAt <= Instant.FromDateTimeOffset(clock.GetUtcNow()))
            {
                errors.Add("expiresAt", "A key's expiry lies in the future (or leave expiresAt out for a key that lasts until revoked).");
            }
            if (!errors.IsValid)
            {
                return ApiProblems.Invalid(errors.ToDictionary());
            }
            var user = grains.Get<IUserGrain>(userId);
            if (await user.Keys() is not { } keys)
            {
                return ApiProblems.NotFound($"user '{userId}'");
            }
            if (keys.Count(k => k.RevokedAt is null) >= MaxActiveKeys)
            {
                return ApiProblems.Invalid("name", $"User '{userId}' already holds {MaxActiveKeys} keys that are not revoked, the limit; revoke one first.");
            }
            var (keyId, key) = UserKeys.Create();
            if (!await grains.Get<IUserKeyGrain>(keyId).Claim(userId))
            {
                throw new InvalidOperationException("A new key id was already taken."); // 96 random bits: never in practice
            }
            return await user.AddKey(keyId, body.Name!, body.ExpiresAt, UserKeys.Hash(key)) is { } record
                ? ApiJson.Ok(new UserKeyCreated(keyId, key, userId, record.Name, record.CreatedAt, record.ExpiresAt))
                : ApiProblems.Invalid("userId", $"User '{userId}' is deactivated; reactivate them (PUT) before giving them a key.");
        }).AcceptsJson<UserKeyRequest>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("createUserKey").WithSummary("Give a user a personal API key; the answer is the only place its secret appears")
            .WithDescription("SlaGrains stores only the key's SHA-256. The key works with the user's role until it expires, is revoked, or the user is deactivated.");

        group.MapGet("/{userId}/keys", async Task<Results<JsonOk<IReadOnlyList<UserKeyRecord>>, ProblemHttpResult>> (string userId, GrainReferences grains) =>
            await grains.Get<IUserGrain>(userId).Keys() is { } keys ? ApiJson.Ok(keys) : ApiProblems.NotFound($"user '{userId}'"))
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("listUserKeys").WithSummary("List a user's keys, newest first, without their secrets");

        group.MapDelete("/{userId}/keys/{keyId}", async Task<Results<JsonOk<UserKeyRecord>, ProblemHttpResult>> (string userId, string keyId, GrainReferences grains) =>
            await grains.Get<IUserGrain>(userId).RevokeKey(keyId) is { } key ? ApiJson.Ok(key) : ApiProblems.NotFound($"key '{keyId}' of user '{userId}'"))
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("revokeUserKey").WithSummary("Revoke a key: refused from the next request on, and its open hub connections close");

        return group;
    }

    public static RouteGroupBuilder MapMeApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1").WithTags("People");
        group.MapGet("/me", async Task<JsonOk<MeRead>> (ClaimsPrincipal principal, GrainReferences grains) =>
        {
            var caller = Caller.From(principal);
            var email = caller.Kind == Domain.Cases.ActorKind.User ? (await grains.Get<IUserGrain>(caller.Id).Read())?.Email : null;
            return ApiJson.Ok(new MeRead(caller.Kind, caller.Id, caller.Name, email, caller.Role, caller.Queues, caller.Scopes, caller.SeesAllCases, caller.KeyId));
        }).RequireAuthorization()
            .WithName("getMe").WithSummary("Who this key belongs to: the user or integration, its role, queues and scopes");
        return group;
    }
}
