using SlaGrains.Domain.Cases;

namespace SlaGrains.Contracts.Serialization;

[RegisterConverter]
public sealed class EntitlementDecisionSurrogateConverter : IConverter<EntitlementDecision, EntitlementDecisionSurrogate>
{
    public EntitlementDecision ConvertFromSurrogate(in EntitlementDecisionSurrogate surrogate) =>
        new(surrogate.EntitlementId, surrogate.Admitted, surrogate.Reason, surrogate.ProcessId, surrogate.CalendarId);

    public EntitlementDecisionSurrogate ConvertToSurrogate(in EntitlementDecision value) =>
        new(value.EntitlementId, value.Admitted, value.Reason, value.ProcessId, value.CalendarId);
}
