using Microsoft.AspNetCore.Http.HttpResults;
using SlaGrains.Contracts;

namespace SlaGrains.Host.Api;

/// <summary>docs/api.md, "Lifecycle": a delete answers 204, 404 for an unknown id, or 409 naming what still uses it.</summary>
public static class DeleteAnswer
{
    public static Results<NoContent, ProblemHttpResult> From(DeleteResult result, string what)
    {
        ArgumentNullException.ThrowIfNull(result);
        return !result.Found ? ApiProblems.NotFound(what)
            : result.UsedBy.Count > 0 ? ApiProblems.InUse(what, result.UsedBy)
            : TypedResults.NoContent();
    }

    /// <summary>What a delete endpoint declares: 204, or a problem (404 unknown, 409 in use).</summary>
    public static RouteHandlerBuilder ProducesDeleteProblems(this RouteHandlerBuilder builder) =>
        builder.ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
}
