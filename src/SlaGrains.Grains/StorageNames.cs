namespace SlaGrains.Grains;

/// <summary>Grain storage provider names the host must register.</summary>
public static class StorageNames
{
    /// <summary>All SlaGrains state: memory in the embedded default, PostgreSQL (AdoNet) when configured.</summary>
    public const string Sla = "sla";
}
