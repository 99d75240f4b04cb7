using System.Text.RegularExpressions;

namespace SlaGrains.Host.Api;

/// <summary>
/// Ids in paths: 1–100 characters of letters, digits and <c>. _ - : @</c>. Short because grain ids are stored in
/// <c>varchar(150)</c> columns together with their type; plain because they appear in URLs and notification ids.
/// </summary>
public static partial class Ids
{
    public static IResult? Check(string field, string id) =>
        Pattern().IsMatch(id) ? null : ApiProblems.Invalid(field, $"'{id}' is not a valid id: use 1 to 100 letters, digits or . _ - : @ (no spaces or slashes).");

    [GeneratedRegex(@"^[A-Za-z0-9._:@-]{1,100}$")]
    private static partial Regex Pattern();
}
