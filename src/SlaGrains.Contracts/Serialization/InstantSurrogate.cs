using NodaTime;

namespace SlaGrains.Contracts.Serialization;

/// <summary>
/// An <see cref="Instant"/> as Orleans stores and sends it where grain state and messages hold one directly (a case's
/// reminder times, for one): whole days and the nanosecond of the day since the Unix epoch, so every instant NodaTime
/// can hold survives exactly, in two varints instead of a JSON string.
/// </summary>
[GenerateSerializer, Alias("sla.instant")]
public readonly record struct InstantSurrogate([property: Id(0)] int Days, [property: Id(1)] long NanosecondOfDay);
