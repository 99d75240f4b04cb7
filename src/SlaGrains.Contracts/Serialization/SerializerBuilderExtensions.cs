using Orleans.Serialization;

namespace SlaGrains.Contracts.Serialization;

public static class SerializerBuilderExtensions
{
    /// <summary>
    /// Lets the engine's records (definitions, events, snapshots) cross grain calls as JSON. The engine stays free of
    /// Orleans attributes, and its JSON shape is already the public contract, so it is also refactoring-safe.
    /// NodaTime values go the same way, as ISO 8601 text, except <see cref="NodaTime.Instant"/>, which Orleans' own
    /// types hold directly and which has a binary surrogate (<see cref="InstantSurrogate"/>), and
    /// <see cref="Domain.Cases.EntitlementDecision"/>, which every case state write carries (<see cref="EntitlementDecisionSurrogate"/>).
    /// </summary>
    public static ISerializerBuilder AddSlaSerialization(this ISerializerBuilder builder) =>
        builder.AddJsonSerializer(
            isSupported: type => (type.Assembly == typeof(Domain.Calendars.CalendarDefinition).Assembly && type != typeof(Domain.Cases.EntitlementDecision)) ||
                                 (type.Assembly == typeof(NodaTime.Instant).Assembly && type != typeof(NodaTime.Instant)),
            SlaJson.Options);
}
