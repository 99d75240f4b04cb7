using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using SlaGrains.Contracts.Serialization;
using SlaGrains.Domain.Cases;
using SlaGrains.Grains.Cases;

namespace SlaGrains.Grains.Tests.Serialization;

public sealed class EntitlementDecisionSerializationTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddSerializer(s => s.AddSlaSerialization()).BuildServiceProvider();

    private Serializer Serializer => _services.GetRequiredService<Serializer>();

    public static TheoryData<EntitlementDecision> Decisions =>
    [
        new("gold", Admitted: true, "Admitted: 3 of 10 cases used.", ProcessId: "premium", CalendarId: "berlin"),
        new("expired", Admitted: false, "The entitlement ended on 2025-01-31."),
    ];

    [Theory]
    [MemberData(nameof(Decisions))]
    public void A_decision_survives_serialization_and_copying(EntitlementDecision decision)
    {
        Assert.Equal(decision, Serializer.Deserialize<EntitlementDecision>(Serializer.SerializeToArray(decision)));
        Assert.Equal(decision, _services.GetRequiredService<DeepCopier<EntitlementDecision>>().Copy(decision));
    }

    [Fact]
    public void A_cases_state_stores_its_decision_in_binary_not_as_json()
    {
        var decision = new EntitlementDecision("gold", Admitted: true, "Admitted.", ProcessId: "premium", CalendarId: "berlin");
        var state = new CaseState { Entitlement = decision, ProcessId = "premium", ProcessVersion = 2 };

        var bytes = Serializer.SerializeToArray(state);

        Assert.Equal(decision, Serializer.Deserialize<CaseState>(bytes)!.Entitlement);
        // The JSON codec would write the record's property names; the binary form writes field ids.
        Assert.DoesNotContain("entitlementId", Encoding.UTF8.GetString(bytes), StringComparison.OrdinalIgnoreCase);
    }

    public void Dispose() => _services.Dispose();
}
