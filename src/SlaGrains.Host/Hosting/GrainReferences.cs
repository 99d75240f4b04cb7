using System.Collections.Concurrent;
using Orleans.Metadata;

namespace SlaGrains.Host.Hosting;

/// <summary>
/// Grain references for the per-request paths of the API and the hub. Orleans' <c>GetGrain&lt;T&gt;(key)</c> works out T's grain
/// interface type from T's attributes on every call (its <see cref="GrainInterfaceTypeResolver"/> keeps no cache):
/// 2.5% of the host's CPU while ingesting single events. Here that is done once per interface; the grain type still
/// comes from Orleans' own cached resolver, which follows the cluster's manifest.
/// </summary>
public sealed class GrainReferences(
    IGrainFactory grains,
    GrainInterfaceTypeResolver interfaces,
    GrainInterfaceTypeToGrainTypeResolver grainTypes)
{
    private readonly ConcurrentDictionary<Type, GrainInterfaceType> _interfaceTypes = new();

    public T Get<T>(string key) where T : IGrainWithStringKey
    {
        var interfaceType = _interfaceTypes.GetOrAdd(typeof(T), interfaces.GetGrainInterfaceType);
        return (T)grains.GetGrain(GrainId.Create(grainTypes.GetGrainType(interfaceType), key), interfaceType);
    }
}
