using SlaGrains.Contracts.Catalog;
using SlaGrains.Contracts.Webhooks;
using SlaGrains.Host.Security;

namespace SlaGrains.Host.Api;

/// <summary>API.md, "Webhooks": subscriptions and their delivery log. Secrets go in and never come out.</summary>
public static class WebhooksApi
{
    public static RouteGroupBuilder MapWebhooksApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/webhooks").WithTags("Webhooks").RequireAuthorization(Scopes.Admin);

        group.MapPut("/{webhookId}", async (string webhookId, HttpRequest request, IGrainFactory grains) =>
        {
            var (definition, problem) = await JsonBody.Read<WebhookDefinition>(request);
            if (problem is not null)
            {
                return problem;
            }
            var result = await grains.GetGrain<IWebhookGrain>(webhookId).Put(definition!);
            return result.Succeeded ? ApiJson.Ok(result.Value) : ApiProblems.Invalid(result.Errors!);
        }).Accepts<WebhookDefinition>("application/json");

        group.MapGet("/{webhookId}", async (string webhookId, IGrainFactory grains) =>
            await grains.GetGrain<IWebhookGrain>(webhookId).Read() is { } record
                ? ApiJson.Ok(record)
                : ApiProblems.NotFound($"webhook '{webhookId}'"));

        group.MapGet("/", async (IGrainFactory grains) =>
        {
            var ids = await grains.GetGrain<ICatalogGrain>(ICatalogGrain.Webhooks).List();
            var records = await Task.WhenAll(ids.Select(id => grains.GetGrain<IWebhookGrain>(id).Read()));
            return ApiJson.Ok(records.OfType<WebhookRecord>());
        });

        group.MapGet("/{webhookId}/deliveries", async (string webhookId, int? limit, IGrainFactory grains) =>
        {
            var webhook = grains.GetGrain<IWebhookGrain>(webhookId);
            if (await webhook.Read() is null)
            {
                return ApiProblems.NotFound($"webhook '{webhookId}'");
            }
            return ApiJson.Ok(await webhook.Deliveries(Math.Clamp(limit ?? 50, 1, 200)));
        });

        return group;
    }
}
