using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using SlaGrains.Contracts.Serialization;

namespace SlaGrains.Host.Api;

/// <summary>
/// Reads a request body with the strict contract options and turns every way it can be wrong into a 400 that names
/// the field (a JSON path like <c>weekly.monday[0].start</c>). Minimal APIs' own binding would answer such bodies with
/// an empty 400, so endpoints read bodies through this instead.
/// </summary>
public static partial class JsonBody
{
    public static async Task<(T? Value, ProblemHttpResult? Problem)> Read<T>(HttpRequest request) where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.HasJsonContentType() is false)
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Send JSON",
                detail: "The body must be JSON with Content-Type: application/json."));
        }
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, SlaJson.Strict, request.HttpContext.RequestAborted);
            return value is null ? (null, ApiProblems.Invalid("$", "The body is empty or null; send a JSON object.")) : (value, null);
        }
        catch (JsonException ex) when (MissingRequired().Match(ex.Message) is { Success: true } missing)
        {
            var prefix = Field(ex.Path) is "$" ? "" : Field(ex.Path) + ".";
            var names = missing.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(n => n.Trim('\''));
            return (null, ApiProblems.Invalid(names.ToDictionary(n => prefix + n, n => new[] { $"{n} is required." })));
        }
        catch (JsonException ex)
        {
            return (null, ApiProblems.Invalid(Field(ex.Path), Message(ex)));
        }
    }

    [GeneratedRegex(@"missing required properties including: (.+?)\.?$")]
    private static partial Regex MissingRequired();

    private static string Field(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "$" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    /// <summary>A message for people, without .NET type names: the contract is JSON, not our classes.</summary>
    private static string Message(JsonException ex)
    {
        var first = ex.Message.Split(" Path:", 2)[0];
        if (first.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
        {
            return "This field is not part of the contract (check its spelling against docs/api.md or /openapi/v1.json).";
        }
        if (first.Contains("Duplicate", StringComparison.Ordinal))
        {
            return "This field is given more than once (names match in any letter case); send it once.";
        }
        if (first.Contains("could not be converted to", StringComparison.Ordinal))
        {
            var inner = ex.InnerException?.Message;
            return "The value has the wrong type or format" + (string.IsNullOrEmpty(inner) || inner.Contains("System.", StringComparison.Ordinal) ? "." : $": {inner}");
        }
        return first;
    }
}
