namespace SlaGrains.Grains.People;

[GenerateSerializer, Alias("sla.user-key-state")]
public sealed class UserKeyState
{
    [Id(0)] public string? UserId { get; set; }
}
