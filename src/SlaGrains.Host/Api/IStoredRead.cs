namespace SlaGrains.Host.Api;

/// <summary>
/// The fields a read adds to a stored <typeparamref name="TDefinition"/> (its id, version, status). On the wire they
/// follow the definition's own members in one object (<see cref="ApiJson.Stored{TDefinition, TRead}"/>); the OpenAPI
/// document says so with <c>allOf</c> (OpenApi/StoredReadSchemaTransformer.cs).
/// </summary>
public interface IStoredRead<TDefinition>;
