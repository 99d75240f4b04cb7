using System.Collections.Concurrent;
using Orleans.Metadata;

namespace SlaGrains.Host.Hosting;

/// <summary>
/// The host's one way to reach a grain. Orleans' <c>GetGrain&lt;T&gt;(key)</c> asks every
/// <see cref="GrainInterfaceTypeResolver"/> provider for T's grain interface type (attribute reflection) on each call,
/// and that resolver keeps no cache; the API and the hub do it per request, so the answer is kept here once per
/// interface. The grain type still comes from Orleans' own cached resolver, which follows the cluster's manifest.
/// </summary>
public sealed class GrainReferences(
    IGrainFactory grains,
    GrainInterfaceTypeResolver interfaces,
    GrainInterfaceTypeToGrainTypeResolver grainTypes)
{
    private readonly ConcurrentDictionary<Type, GrainInterfaceType> _interfaceTypes = new();

    public T Get<T>(string key) where T : IGrainWithStringKey
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key); // as GetGrain does: an empty key names no grain
        return Get<T>(IdSpan.Create(key));
    }

    public T Get<T>(long key) where T : IGrainWithIntegerKey => Get<T>(GrainIdKeyExtensions.CreateIntegerKey(key));

    /// <summary>A reference grains can call back on, to an object of this process (the hub's relay).</summary>
    public T CreateObjectReference<T>(IGrainObserver observer) where T : IGrainObserver => grains.CreateObjectReference<T>(observer);

    public void DeleteObjectReference<T>(IGrainObserver observer) where T : IGrainObserver => grains.DeleteObjectReference<T>(observer);

    private T Get<T>(IdSpan key)
    {
        var interfaceType = _interfaceTypes.GetOrAdd(typeof(T), interfaces.GetGrainInterfaceType);
        return (T)grains.GetGrain(GrainId.Create(grainTypes.GetGrainType(interfaceType), key), interfaceType);
    }
}
