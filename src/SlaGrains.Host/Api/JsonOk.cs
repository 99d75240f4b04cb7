using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace SlaGrains.Host.Api;

/// <summary>
/// 200 with a body already written in the contract's JSON (<see cref="ApiJson"/>), declared in the OpenAPI document
/// as <typeparamref name="T"/>. ASP.NET Core's own <c>Ok&lt;T&gt;</c> would serialize with the HTTP JSON options and
/// stream the body chunked; this keeps <see cref="Contracts.Serialization.SlaJson"/> and a Content-Length.
/// </summary>
public sealed class JsonOk<T> : IResult, IStatusCodeHttpResult, IContentTypeHttpResult, IEndpointMetadataProvider
{
    private const string JsonContentType = "application/json; charset=utf-8";
    private readonly byte[] _body;

    internal JsonOk(byte[] body) => _body = body;

    public int? StatusCode => StatusCodes.Status200OK;

    public string ContentType => JsonContentType;

    public Task ExecuteAsync(HttpContext httpContext) => Results.Bytes(_body, JsonContentType).ExecuteAsync(httpContext);

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000", Justification = "IEndpointMetadataProvider's member is static by design.")]
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));
    }
}
