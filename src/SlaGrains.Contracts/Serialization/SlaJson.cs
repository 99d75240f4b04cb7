using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;
using SlaGrains.Domain.Cases;
using SlaGrains.Domain.Entitlements;

namespace SlaGrains.Contracts.Serialization;

/// <summary>
/// The one JSON shape of SlaGrains (docs/api.md's conventions): camelCase, enums as camelCase strings, NodaTime values as
/// ISO 8601. Orleans' JSON codec, grain storage and the HTTP API all use these options, so a record reads the same
/// everywhere.
/// </summary>
public static class SlaJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>
    /// For request bodies: as <see cref="Options"/>, but nothing a client sends is silently dropped or reinterpreted. A
    /// member the contract does not name is an error, as is a member named twice (also in another letter case), where
    /// the last would win, and a number sent as a string. Names still match in any letter case, as Salesforce's do.
    /// </summary>
    public static JsonSerializerOptions Strict { get; } = new JsonSerializerOptions(Options)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowDuplicateProperties = false,
        NumberHandling = JsonNumberHandling.Strict,
    };

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),

            // Responses are JSON documents, never inlined into HTML: keep quotes and apostrophes readable.
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        // docs/api.md spells statuses as their names (InProgress, OpenViolation, Active, MetLate) and everything else in camelCase
        // (agentReplied, sequential, webhook). Reading is case-insensitive either way.
        options.Converters.Add(new JsonStringEnumConverter<MilestoneStatus>(namingPolicy: null, allowIntegerValues: false));
        options.Converters.Add(new JsonStringEnumConverter<CaseMilestoneStatus>(namingPolicy: null, allowIntegerValues: false));
        options.Converters.Add(new JsonStringEnumConverter<EntitlementStatus>(namingPolicy: null, allowIntegerValues: false));
        options.Converters.Add(new JsonStringEnumConverter<Domain.Reports.MilestoneFactStatus>(namingPolicy: null, allowIntegerValues: false));
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Add(new InstantJsonConverter());
        options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        options.MakeReadOnly();
        return options;
    }
}
