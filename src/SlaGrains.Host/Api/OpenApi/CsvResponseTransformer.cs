using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SlaGrains.Host.Api.OpenApi;

/// <summary>
/// An endpoint that answers CSV with <c>Accept: text/csv</c> (<see cref="CsvFacts"/>) lists <c>text/csv</c> beside its
/// JSON 200: the generator keeps one response per status code, so the second media type is added here.
/// </summary>
public sealed class CsvResponseTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<CsvFacts.Produced>().Any() &&
            operation.Responses?.TryGetValue("200", out var ok) == true && ok.Content is { } content)
        {
            content[CsvFacts.MediaType] = new OpenApiMediaType
            {
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "RFC 4180 CSV: one header row, then one row per fact, streamed." },
            };
        }
        return Task.CompletedTask;
    }
}
