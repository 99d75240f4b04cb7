namespace SlaGrains.Grains.Catalog;

[GenerateSerializer, Alias("sla.catalog-state")]
public sealed class CatalogState
{
    [Id(0)] public SortedSet<string> Ids { get; set; } = new(StringComparer.Ordinal);
}
