namespace SlaGrains.Grains.Webhooks;

/// <summary>How one attempt went: the receiver's status, or why there was none (a phrase safe to show an administrator).</summary>
[GenerateSerializer, Immutable, Alias("sla.webhook-delivery-result")]
public sealed record DeliveryResult(
    [property: Id(0)] string DeliveryId,
    [property: Id(1)] int Attempt,
    [property: Id(2)] int? StatusCode,
    [property: Id(3)] string? Error);
