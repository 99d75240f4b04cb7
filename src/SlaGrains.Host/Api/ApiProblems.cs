namespace SlaGrains.Host.Api;

/// <summary>RFC 7807 answers in the shapes docs/api.md names: 400 with <c>errors</c> by field, 404 naming what is missing.</summary>
public static class ApiProblems
{
    public static IResult Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        Results.ValidationProblem(errors.ToDictionary(e => e.Key, e => e.Value), title: "The request is invalid");

    public static IResult Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>409: the request clashes with what is stored; <c>errors</c> names the field, as a 400's does.</summary>
    public static IResult Conflict(IReadOnlyDictionary<string, string[]> errors) =>
        Results.ValidationProblem(errors.ToDictionary(e => e.Key, e => e.Value), statusCode: StatusCodes.Status409Conflict, title: "The request conflicts with what is stored");

    public static IResult NotFound(string what) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"There is no {what}.");
}
