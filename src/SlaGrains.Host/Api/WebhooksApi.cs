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
}
