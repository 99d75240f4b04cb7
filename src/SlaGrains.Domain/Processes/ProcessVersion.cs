using NodaTime;

namespace SlaGrains.Domain.Processes;

/// <summary>An immutable, numbered version of a process. Cases pin the version current when they enter.</summary>
public sealed record ProcessVersion(string ProcessId, int Version, Instant CreatedAt, ProcessDefinition Definition);
