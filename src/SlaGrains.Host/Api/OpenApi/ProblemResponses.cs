namespace SlaGrains.Host.Api.OpenApi;

/// <summary>The problem-details answers endpoints declare in the OpenAPI document (all application/problem+json).</summary>
public static class ProblemResponses
{
    /// <summary>
    /// What any API endpoint can answer: 401 without a valid key, 403 without its scope, 429 over the key's rate,
    /// 503 when storage or the cluster is unavailable (StorageUnavailableHandler).
    /// </summary>
    public static RouteGroupBuilder ProducesCommonProblems(this RouteGroupBuilder group) =>
        group.ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    /// <summary>
    /// A JSON body read by <see cref="JsonBody"/>: 400 naming the field, 413 when too large, 415 when not JSON. Ids in
    /// the path answer 400 too (PathIds.cs).
    /// </summary>
    public static RouteHandlerBuilder AcceptsJson<TBody>(this RouteHandlerBuilder builder) where TBody : notnull =>
        builder.Accepts<TBody>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
}
