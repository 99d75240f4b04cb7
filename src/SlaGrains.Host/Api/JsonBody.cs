using System.Text.Json;
using System.Text.RegularExpressions;
using SlaGrains.Contracts.Serialization;

namespace SlaGrains.Host.Api;

/// <summary>
/// Reads a request body with the strict contract options and turns every way it can be wrong into a 400 that names
/// the field (a JSON path like <c>weekly.monday[0].start</c>). Minimal APIs' own binding would answer such bodies with
/// an empty 400, so endpoints read bodies through this instead.
/// </summary>
public static partial class JsonBody
{
    public static async Task<(T? Value, IResult? Problem)> Read<T>(HttpRequest request) where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.HasJsonContentType() is false)
        {
            return (null, Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Send JSON",
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

    private static string Message(JsonException ex)
    {
        // The inner exception says what was wrong with the value (a bad instant, an unknown enum name) in plain words.
        var inner = ex.InnerException?.Message;
        var first = ex.Message.Split(" Path:", 2)[0];
        return inner is null || inner.Length == 0 ? first : $"{first} {inner}";
    }
}
