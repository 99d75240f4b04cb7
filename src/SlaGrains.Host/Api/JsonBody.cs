using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using SlaGrains.Contracts.Serialization;
using SlaGrains.Domain.Cases;

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

    /// <summary>
    /// The values a field of an enum type takes, spelled as on the wire, when the converter's message names an enum of
    /// the engine (<c>could not be converted to System.Nullable`1[SlaGrains.Domain.Cases.CaseEventType]</c>); of event
    /// types, only those a client may send.
    /// </summary>
    private static string? Choices(string message)
    {
        var named = ConvertedTo().Match(message);
        if (!named.Success || typeof(CaseEventType).Assembly.GetType(named.Groups["type"].Value) is not { IsEnum: true } type)
        {
            return null;
        }
        IEnumerable<string> names = type == typeof(CaseEventType)
            ? CaseEventTypes.Sendable.Select(CaseEventTypes.Name)
            : Enum.GetValues(type).Cast<object>().Select(v => JsonSerializer.Serialize(v, type, SlaJson.Options).Trim('"'));
        return string.Join(", ", names);
    }

    [GeneratedRegex(@"could not be converted to (?:System\.Nullable`1\[)?(?<type>[\w.]+)")]
    private static partial Regex ConvertedTo();

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
            if (Choices(first) is { } choices)
            {
                return $"Not one of the values this field takes: {choices}.";
            }
            var inner = ex.InnerException?.Message;
            return "The value has the wrong type or format" + (string.IsNullOrEmpty(inner) || inner.Contains("System.", StringComparison.Ordinal) ? "." : $": {inner}");
        }
        return first;
    }
}
