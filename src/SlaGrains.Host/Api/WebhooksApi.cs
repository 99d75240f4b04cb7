using SlaGrains.Contracts.Catalog;
using SlaGrains.Contracts.Webhooks;
using SlaGrains.Host.Hosting;
using SlaGrains.Host.Security;

namespace SlaGrains.Host.Api;

/// <summary>docs/api.md, "Webhooks": subscriptions and their delivery log. Secrets go in and never come out.</summary>
public static class WebhooksApi
{
    public static RouteGroupBuilder MapWebhooksApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/webhooks").WithTags("Webhooks").RequireAuthorization(Scopes.Admin);

        group.MapPut("/{webhookId}", async (string webhookId, HttpRequest request, GrainReferences grains) =>
        {
            var (definition, problem) = await JsonBody.Read<WebhookDefinition>(request);
            if (problem is not null)
            {
                return problem;
            }
            var result = await grains.Get<IWebhookGrain>(webhookId).Put(definition!);
            return result.Succeeded ? ApiJson.Ok(result.Value) : ApiProblems.Invalid(result.Errors!);
        }).Accepts<WebhookDefinition>("application/json");

        group.MapGet("/{webhookId}", async (string webhookId, GrainReferences grains) =>
            await grains.Get<IWebhookGrain>(webhookId).Read() is { } record
                ? ApiJson.Ok(record)
                : ApiProblems.NotFound($"webhook '{webhookId}'"));

        group.MapGet("/", async (GrainReferences grains) =>
        {
            var ids = await grains.Get<ICatalogGrain>(ICatalogGrain.Webhooks).List();
            var records = await Task.WhenAll(ids.Select(id => grains.Get<IWebhookGrain>(id).Read()));
            return ApiJson.Ok(records.OfType<WebhookRecord>());
        });

        group.MapGet("/{webhookId}/deliveries", async (string webhookId, int? limit, GrainReferences grains) =>
        {
            var webhook = grains.Get<IWebhookGrain>(webhookId);
            if (await webhook.Read() is null)
            {
                return ApiProblems.NotFound($"webhook '{webhookId}'");
            }
            return ApiJson.Ok(await webhook.Deliveries(Math.Clamp(limit ?? 50, 1, 200)));
        });

        return group;
    }
}
