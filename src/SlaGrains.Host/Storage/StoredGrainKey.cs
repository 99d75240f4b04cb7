using System.Text;
using Orleans.Storage;

namespace SlaGrains.Host.Storage;

/// <summary>
/// The columns that identify a grain's record in <c>sla_grain_state</c>, computed as Orleans' ADO.NET provider
/// computes them (its key split is internal to it), so either reads what the other wrote.
/// </summary>
public readonly record struct StoredGrainKey(
    string ServiceId, int GrainTypeHash, string GrainType, int GrainIdHash, long N0, long N1, string? KeyString)
{
    /// <summary>An order every silo agrees on: batches lock their rows in it, so two batches never deadlock.</summary>
    public static IComparer<StoredGrainKey> LockOrder { get; } = Comparer<StoredGrainKey>.Create(Compare);

    /// <param name="stateName">What Orleans passes a grain storage as the grain type: the record's state name.</param>
    public static StoredGrainKey Of<T>(string serviceId, string providerName, string stateName, GrainId grainId,
        IGrainState<T> grainState, IStorageHasherPicker hashes)
    {
        ArgumentNullException.ThrowIfNull(stateName);
        ArgumentNullException.ThrowIfNull(hashes);
        long n0 = 0, n1 = 0;
        string? keyString;
        byte[] idBytes;
        if (grainId.TryGetGuidKey(out var guid, out var extension))
        {
            var guidBytes = guid.ToByteArray();
            n0 = BitConverter.ToInt64(guidBytes, 0);
            n1 = BitConverter.ToInt64(guidBytes, 8);
            keyString = extension;
            idBytes = WithExtension(guidBytes, extension);
        }
        else if (grainId.TryGetIntegerKey(out var integer, out extension))
        {
            n1 = integer;
            keyString = extension;
            idBytes = WithExtension(BitConverter.GetBytes(integer), extension);
        }
        else
        {
            keyString = grainId.Key.ToString();
            idBytes = Encoding.UTF8.GetBytes(keyString);
        }
        // The provider hashes the key's bytes in big-endian order.
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(idBytes);
        }
        var hasher = hashes.PickHasher(serviceId, providerName, stateName, grainId, grainState)
            ?? throw new InvalidOperationException("The storage's hash picker chose no hasher.");
        return new StoredGrainKey(serviceId, hasher.Hash(Encoding.UTF8.GetBytes(stateName)), stateName,
            hasher.Hash(idBytes), n0, n1, keyString);
    }

    private static byte[] WithExtension(byte[] key, string? extension) =>
        extension is null ? key : [.. key, .. Encoding.UTF8.GetBytes(extension)];

    private static int Compare(StoredGrainKey a, StoredGrainKey b)
    {
        var c = a.GrainTypeHash.CompareTo(b.GrainTypeHash);
        if (c == 0) c = a.GrainIdHash.CompareTo(b.GrainIdHash);
        if (c == 0) c = a.N0.CompareTo(b.N0);
        if (c == 0) c = a.N1.CompareTo(b.N1);
        if (c == 0) c = string.CompareOrdinal(a.GrainType, b.GrainType);
        if (c == 0) c = string.CompareOrdinal(a.KeyString, b.KeyString);
        if (c == 0) c = string.CompareOrdinal(a.ServiceId, b.ServiceId);
        return c;
    }

    public override string ToString() => KeyString is null ? $"{GrainType}/{N0:x16}{N1:x16}" : $"{GrainType}/{KeyString}";
}
