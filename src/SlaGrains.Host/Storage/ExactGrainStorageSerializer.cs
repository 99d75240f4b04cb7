using Orleans.Serialization;
using Orleans.Storage;

namespace SlaGrains.Host.Storage;

/// <summary>
/// Orleans' binary serializer for grain state, written through a pooled buffer into one array of the exact size.
/// Orleans' own <see cref="OrleansGrainStorageSerializer"/> writes into a fresh buffer that starts at 256 bytes and
/// doubles, so every write of a case (2 KB and more) allocated and copied its state several times, and memory storage
/// kept the oversized last buffer: the largest share of what the host allocated per event (docs/benchmarks.md).
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
