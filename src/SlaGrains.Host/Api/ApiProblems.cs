using Microsoft.AspNetCore.Http.HttpResults;

namespace SlaGrains.Host.Api;

/// <summary>RFC 7807 answers in the shapes docs/api.md names: 400 with <c>errors</c> by field, 404 naming what is missing.</summary>
public static partial class ApiProblems
{
    public static ProblemHttpResult Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors.ToDictionary(e => e.Key, e => e.Value))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is invalid",
        });

    public static ProblemHttpResult Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>
    /// The 400 for a query or route value that ASP.NET Core could not bind (<c>limit=abc</c>), naming the parameter;
    /// null for any other malformed request. Read from the framework's message, which is all its exception carries.
    /// </summary>
    public static ProblemHttpResult? Unbound(BadHttpRequestException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (UnboundParameter().Match(exception.Message) is not { Success: true } unbound)
        {
            return null;
        }
        var type = unbound.Groups["type"].Value;
        var value = unbound.Groups["value"].Value;
        var expected = type.Contains("int", StringComparison.Ordinal) || type.Contains("long", StringComparison.Ordinal) ? "a whole number"
            : type.Contains("bool", StringComparison.Ordinal) ? "true or false"
            : "a value in the format docs/api.md gives";
        return Invalid(unbound.Groups["name"].Value, $"'{value}' is not {expected}.");
    }

    [System.Text.RegularExpressions.GeneratedRegex("""^Failed to bind parameter "(?<type>.+) (?<name>[^ "]+)" from "(?<value>.*)"\.$""")]
    private static partial System.Text.RegularExpressions.Regex UnboundParameter();

    /// <summary>409: the request clashes with what is stored; <c>errors</c> names the field, as a 400's does.</summary>
    public static ProblemHttpResult Conflict(IReadOnlyDictionary<string, string[]> errors) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors.ToDictionary(e => e.Key, e => e.Value))
        {
            Status = StatusCodes.Status409Conflict,
            Title = "The request conflicts with what is stored",
        });

    /// <summary>409 for a delete of what is still in use: <c>detail</c> and <c>usedBy</c> name each user.</summary>
    public static ProblemHttpResult InUse(string what, IReadOnlyList<string> usedBy) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Still in use",
            detail: $"The {what} is still used by {string.Join("; ", usedBy)}.",
            extensions: new Dictionary<string, object?> { ["usedBy"] = usedBy });

    /// <summary>403 for a valid key that may not see or do what the field asks; <c>errors</c> names the field.</summary>
    public static ProblemHttpResult Forbidden(string field, string message) =>
        TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status403Forbidden,
            Title = "This key may not do that",
        });

    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"There is no {what}.");
}
