using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using SlaGrains.Contracts.Email;
using SlaGrains.Host.Hosting;
using SlaGrains.Host.Security;

namespace SlaGrains.Host.Api;

/// <summary>docs/api.md, "Actions": what became of the email alerts, as the outbox logs its attempts.</summary>
public static class EmailsApi
{
    public static RouteGroupBuilder MapEmailsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/emails").WithTags("Emails").RequireAuthorization(Scopes.Admin);

        group.MapGet("/deliveries", async Task<JsonOk<IReadOnlyList<EmailAttempt>>> ([Description("At most this many attempts (1 to 200, default 50)")] int? limit, GrainReferences grains) =>
            ApiJson.Ok(await grains.Get<IEmailOutboxGrain>(IEmailOutboxGrain.Key).Log(Math.Clamp(limit ?? 50, 1, 200))))
            .ProducesValidationProblem()
            .WithName("listEmailDeliveries").WithSummary("Read the email outbox's log of attempts (sent, failed and retried, gave up), newest first");

        return group;
    }
}
