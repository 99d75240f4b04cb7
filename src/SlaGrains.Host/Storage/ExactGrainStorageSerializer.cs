using Orleans.Serialization;
using Orleans.Storage;

namespace SlaGrains.Host.Storage;

/// <summary>
/// Orleans' binary serializer for grain state, written through a pooled buffer into one array of the exact size.
/// Orleans' own <see cref="OrleansGrainStorageSerializer"/> writes into a fresh buffer that starts at 256 bytes and
/// doubles, so every write of a case (2 KB and more) would allocate and copy its state several times, and in-process
/// storage would keep the oversized last buffer (figures: docs/benchmarks.md).
/// The bytes are the same either way, so state written by either reads back with either.
/// </summary>
public sealed class ExactGrainStorageSerializer(Serializer serializer) : IGrainStorageSerializer
{
    public BinaryData Serialize<T>(T? input) => new(serializer.SerializeToArray(input));

    public T? Deserialize<T>(BinaryData input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return serializer.Deserialize<T>(input.ToMemory());
    }
}
