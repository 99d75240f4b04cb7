using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace SlaGrains.Domain.Validation;

/// <summary>
/// The one rule for ids (of cases, accounts, entitlements, processes, calendars, contacts, assets, owners) and for
/// queue names, in paths and bodies alike: they become grain keys or index keys. Short because grain ids are stored in
/// <c>varchar(150)</c> columns together with their type; plain because they appear in URLs and notification ids.
/// </summary>
public static partial class IdRules
{
    public const int MaxLength = 100;

    public const string IdHint = "use 1 to 100 letters, digits or . _ - : @ (no spaces or slashes)";
    public const string QueueHint = "use 1 to 100 letters, digits, inner spaces or . _ - : @ (no slashes)";

    public static bool IsId([NotNullWhen(true)] string? value) => value is not null && Id().IsMatch(value);

    /// <summary>Queue names are shown to people ("Tier 1"), so they may hold single spaces between words.</summary>
    public static bool IsQueueName([NotNullWhen(true)] string? value) => value is not null && QueueName().IsMatch(value);

    /// <summary>A value to quote in a message: whole when short, so a 3 MB id is not echoed back.</summary>
    public static string Quote(string value) => value.Length <= 40 ? $"'{value}'" : $"'{value[..40]}…' ({value.Length} characters)";

    [GeneratedRegex(@"^[A-Za-z0-9._:@-]{1,100}$")]
    private static partial Regex Id();

    [GeneratedRegex(@"^(?=.{1,100}$)[\p{L}\p{Nd}._:@-]+(?: [\p{L}\p{Nd}._:@-]+)*$")]
    private static partial Regex QueueName();
}
