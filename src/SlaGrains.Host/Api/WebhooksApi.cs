using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using SlaGrains.Contracts.Catalog;
using SlaGrains.Contracts.Webhooks;
using SlaGrains.Host.Api.OpenApi;
using SlaGrains.Host.Hosting;
using SlaGrains.Host.Security;

namespace SlaGrains.Host.Api;

/// <summary>docs/api.md, "Webhooks": subscriptions and their delivery log. Secrets go in and never come out.</summary>
public static class WebhooksApi
{
    public static RouteGroupBuilder MapWebhooksApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/webhooks").WithTags("Webhooks").RequireAuthorization(Scopes.Admin);

        group.MapPut("/{webhookId}", async Task<Results<JsonOk<WebhookRecord>, ProblemHttpResult>> (string webhookId, HttpRequest request, GrainReferences grains) =>
        {
            var (definition, problem) = await JsonBody.Read<WebhookDefinition>(request);
            if (problem is not null)
            {
                return problem;
            }
            var result = await grains.Get<IWebhookGrain>(webhookId).Put(definition!);
            return result.Succeeded ? ApiJson.Ok(result.Value!) : ApiProblems.Invalid(result.Errors!);
        }).AcceptsJson<WebhookDefinition>()
            .WithName("putWebhook").WithSummary("Create or replace a webhook subscription (the secret is write-only)");

        group.MapGet("/{webhookId}", async Task<Results<JsonOk<WebhookRecord>, ProblemHttpResult>> (string webhookId, GrainReferences grains) =>
            await grains.Get<IWebhookGrain>(webhookId).Read() is { } record
                ? ApiJson.Ok(record)
                : ApiProblems.NotFound($"webhook '{webhookId}'"))
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("getWebhook").WithSummary("Read a webhook subscription (without its secret)");

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
