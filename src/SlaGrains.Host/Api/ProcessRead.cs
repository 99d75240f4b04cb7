using NodaTime;
using SlaGrains.Domain.Processes;

namespace SlaGrains.Host.Api;

/// <summary>A process version as reads show it: its definition, then its id, version number and creation time.</summary>
public sealed record ProcessRead(string ProcessId, int Version, Instant CreatedAt) : IStoredRead<ProcessDefinition>;
