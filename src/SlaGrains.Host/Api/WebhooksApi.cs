using System.ComponentModel;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using SlaGrains.Contracts.Audit;
using SlaGrains.Contracts.Catalog;
using SlaGrains.Contracts.Webhooks;
using SlaGrains.Host.Api.OpenApi;
using SlaGrains.Host.Audit;
using SlaGrains.Host.Hosting;
using SlaGrains.Host.Security;

namespace SlaGrains.Host.Api;

/// <summary>docs/api.md, "Webhooks": subscriptions and their delivery log. Secrets go in and never come out.</summary>
public static class WebhooksApi
{
    public static RouteGroupBuilder MapWebhooksApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/webhooks").WithTags("Webhooks").RequireAuthorization(Scopes.Admin);

        group.MapPut("/{webhookId}", async Task<Results<JsonOk<WebhookRecord>, ProblemHttpResult>> (string webhookId, HttpRequest request, GrainReferences grains, ClaimsPrincipal caller, IAuditLog audit) =>
        {
            var (definition, problem) = await JsonBody.Read<WebhookDefinition>(request);
            if (problem is not null)
            {
                return problem;
            }
            var webhook = grains.Get<IWebhookGrain>(webhookId);
            var before = await webhook.Read();
            var result = await webhook.Put(definition!);
            if (!result.Succeeded)
            {
                return ApiProblems.Invalid(result.Errors!);
            }
            if (!result.Unchanged)
            {
                // The record holds no secret, so neither does the trail.
                await audit.Record(caller, before is null ? AuditEntry.Created : AuditEntry.Updated,
                    new AuditResource(AuditResource.Webhook, webhookId), before, result.Value);
            }
            return ApiJson.Ok(result.Value!);
        }).AcceptsJson<WebhookDefinition>()
            .WithName("putWebhook").WithSummary("Create or replace a webhook subscription (the secret is write-only)");

        group.MapGet("/{webhookId}", async Task<Results<JsonOk<WebhookRecord>, ProblemHttpResult>> (string webhookId, GrainReferences grains) =>
            await grains.Get<IWebhookGrain>(webhookId).Read() is { } record
                ? ApiJson.Ok(record)
                : ApiProblems.NotFound($"webhook '{webhookId}'"))
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("getWebhook").WithSummary("Read a webhook subscription (without its secret)");

        group.MapDelete("/{webhookId}", async Task<Results<NoContent, ProblemHttpResult>> (string webhookId, GrainReferences grains, ClaimsPrincipal caller, IAuditLog audit) =>
        {
            var webhook = grains.Get<IWebhookGrain>(webhookId);
            var before = await webhook.Read();
            var result = await webhook.Delete();
            if (result.Succeeded)
            {
                await audit.Record(caller, AuditEntry.Deleted, new AuditResource(AuditResource.Webhook, webhookId), before, null);
            }
            return DeleteAnswer.From(result, $"webhook '{webhookId}'");
        }).ProducesDeleteProblems()
            .WithName("deleteWebhook").WithSummary("Delete a webhook subscription with its pending deliveries");

        group.MapGet("/", async Task<JsonOk<IReadOnlyList<WebhookRecord>>> (GrainReferences grains) =>
        {
            var ids = await grains.Get<ICatalogGrain>(ICatalogGrain.Webhooks).List();
            var records = await Task.WhenAll(ids.Select(id => grains.Get<IWebhookGrain>(id).Read()));
            return ApiJson.Ok<IReadOnlyList<WebhookRecord>>([.. records.OfType<WebhookRecord>()]);
        }).WithName("listWebhooks").WithSummary("List the webhook subscriptions");

        group.MapPost("/{webhookId}/pause", (string webhookId, GrainReferences grains, ClaimsPrincipal caller, IAuditLog audit) =>
            SetPaused(webhookId, true, grains, caller, audit))
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("pauseWebhook").WithSummary("Pause a webhook: nothing is sent, notices are kept and sent on resume");

        group.MapPost("/{webhookId}/resume", (string webhookId, GrainReferences grains, ClaimsPrincipal caller, IAuditLog audit) =>
            SetPaused(webhookId, false, grains, caller, audit))
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("resumeWebhook").WithSummary("Resume a paused webhook: what it kept is sent, oldest first");

        group.MapPost("/{webhookId}/rotate-secret", async Task<Results<JsonOk<WebhookRecord>, ProblemHttpResult>> (string webhookId, HttpRequest request, GrainReferences grains, ClaimsPrincipal caller, IAuditLog audit) =>
        {
            var (rotation, problem) = await JsonBody.Read<SecretRotation>(request);
            if (problem is not null)
            {
                return problem;
            }
            var webhook = grains.Get<IWebhookGrain>(webhookId);
            var before = await webhook.Read();
            var result = await webhook.RotateSecret(rotation!.Secret, rotation.OverlapSeconds ?? 0);
            if (!result.Succeeded)
            {
                return ApiProblems.Invalid(result.Errors!);
            }
            if (result.Value is not { } rotated)
            {
                return ApiProblems.NotFound($"webhook '{webhookId}'");
            }
            await audit.Record(caller, "secretRotated", new AuditResource(AuditResource.Webhook, webhookId), before, rotated);
            return ApiJson.Ok(rotated);
        }).AcceptsJson<SecretRotation>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("rotateWebhookSecret").WithSummary("Replace a webhook's secret; both sign deliveries for overlapSeconds");

        group.MapPost("/{webhookId}/deliveries/{deliveryId}/redeliver", async Task<Results<Accepted, ProblemHttpResult>> (string webhookId,
            [Description("The delivery id, URL-encoded (its slashes as %2F, # as %23)")] string deliveryId, GrainReferences grains, ClaimsPrincipal caller, IAuditLog audit) =>
        {
            // Routing leaves %2F encoded in a route value so a value cannot split the path; delivery ids hold no '%' of their own.
            var id = Uri.UnescapeDataString(deliveryId);
            var outcome = await grains.Get<IWebhookGrain>(webhookId).Redeliver(id);
            switch (outcome)
            {
                case RedeliveryOutcome.NoWebhook:
                    return ApiProblems.NotFound($"webhook '{webhookId}'");
                case RedeliveryOutcome.NoDelivery:
                    return ApiProblems.NotFound($"delivery '{id}' that gave up on webhook '{webhookId}' (the latest 200 are kept)");
                case RedeliveryOutcome.NotGivenUp:
                    return ApiProblems.Conflict(new Dictionary<string, string[]> { ["deliveryId"] = [$"Delivery '{id}' did not give up: it was delivered or is still pending."] });
                default:
                    await audit.Record(caller, "redelivered", new AuditResource(AuditResource.Webhook, webhookId), null, new { deliveryId = id });
                    return TypedResults.Accepted((string?)null);
            }
        }).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("redeliverWebhookDelivery").WithSummary("Send a delivery that gave up again, from attempt 1");

        group.MapGet("/{webhookId}/deliveries", async Task<Results<JsonOk<IReadOnlyList<WebhookAttempt>>, ProblemHttpResult>> (string webhookId, [Description("At most this many attempts (1 to 200, default 50)")] int? limit, GrainReferences grains) =>
        {
            var webhook = grains.Get<IWebhookGrain>(webhookId);
            if (await webhook.Read() is null)
            {
                return ApiProblems.NotFound($"webhook '{webhookId}'");
            }
            return ApiJson.Ok(await webhook.Deliveries(Math.Clamp(limit ?? 50, 1, 200)));
        }).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("listWebhookDeliveries").WithSummary("Read a webhook's delivery log, newest first");

        return group;
    }

    private static async Task<Results<JsonOk<WebhookRecord>, ProblemHttpResult>> SetPaused(string webhookId, bool paused, GrainReferences grains, ClaimsPrincipal caller, IAuditLog audit)
    {
        var webhook = grains.Get<IWebhookGrain>(webhookId);
        var before = await webhook.Read();
        if (await webhook.SetPaused(paused) is not { } after)
        {
            return ApiProblems.NotFound($"webhook '{webhookId}'");
        }
        if (before!.Paused != paused)
        {
            await audit.Record(caller, paused ? "paused" : "resumed", new AuditResource(AuditResource.Webhook, webhookId), before, after);
        }
        return ApiJson.Ok(after);
    }
}
