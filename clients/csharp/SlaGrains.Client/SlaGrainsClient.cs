namespace SlaGrains.Client;

/// <summary>What the generator leaves open (SlaGrainsClient.g.cs is generated; this file is not).</summary>
public partial class SlaGrainsClient
{
    /// <summary>
    /// Members left unset are left out of the JSON rather than sent as null, so the server applies its own defaults
    /// to them, as docs/api.md describes a body written by hand.
    /// </summary>
    static partial void UpdateJsonSerializerSettings(System.Text.Json.JsonSerializerOptions settings) =>
        settings.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull;
}
