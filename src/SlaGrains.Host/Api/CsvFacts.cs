using System.Globalization;
using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Http.Metadata;
using NodaTime;
using NodaTime.Text;
using SlaGrains.Domain.Reports;

namespace SlaGrains.Host.Api;

/// <summary>
/// 200 with facts as CSV (RFC 4180, one header row), written as they are read from the store and flushed every few
/// hundred rows, so an export of any size holds only a buffer in memory. The shape is fixed and flat, so a dozen
/// lines of quoting do what a CSV library would.
/// </summary>
public sealed class CsvFacts(IAsyncEnumerable<MilestoneFact> facts) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult, IEndpointMetadataProvider
{
    public const string MediaType = "text/csv";
    private const int FlushEvery = 500;

    public static readonly string Header =
        "caseId,milestoneId,milestone,instance,processId,processVersion,entitlementId,accountId,queue,priority,owner,calendarId," +
        "status,startedAt,targetAt,completedAt,violatedAt,secondsToComplete,pausedSeconds,overdueSeconds";

    public int? StatusCode => StatusCodes.Status200OK;

    public string ContentType => MediaType + "; charset=utf-8";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = ContentType;
        var cancel = httpContext.RequestAborted;
        await using var writer = new StreamWriter(httpContext.Response.Body, new UTF8Encoding(false), bufferSize: 16 * 1024);
        await writer.WriteAsync(Header + "\r\n");
        var rows = 0;
        var line = new StringBuilder(256);
        await foreach (var f in facts.WithCancellation(cancel))
        {
            line.Clear();
            Field(line, f.CaseId).Append(',');
            Field(line, f.MilestoneId).Append(',');
            Field(line, f.Milestone).Append(',');
            line.Append(f.Instance.ToString(CultureInfo.InvariantCulture)).Append(',');
            Field(line, f.ProcessId).Append(',');
            line.Append(f.ProcessVersion.ToString(CultureInfo.InvariantCulture)).Append(',');
            Field(line, f.EntitlementId).Append(',');
            Field(line, f.AccountId).Append(',');
            Field(line, f.Queue).Append(',');
            Field(line, f.Priority).Append(',');
            Field(line, f.Owner).Append(',');
            Field(line, f.CalendarId).Append(',');
            line.Append(f.Status.ToString()).Append(',');
            Time(line, f.StartedAt).Append(',');
            Time(line, f.TargetAt).Append(',');
            Time(line, f.CompletedAt).Append(',');
            Time(line, f.ViolatedAt).Append(',');
            line.Append(f.SecondsToComplete?.ToString(CultureInfo.InvariantCulture)).Append(',');
            line.Append(f.PausedSeconds.ToString(CultureInfo.InvariantCulture)).Append(',');
            line.Append(f.OverdueSeconds.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
            await writer.WriteAsync(line, cancel);
            if (++rows % FlushEvery == 0)
            {
                await writer.FlushAsync(cancel);
            }
        }
        await writer.FlushAsync(cancel);
    }

    /// <summary>A text field, quoted when it holds a comma, quote or line break (quotes doubled); empty for null.</summary>
    private static StringBuilder Field(StringBuilder line, string? value)
    {
        if (value is null)
        {
            return line;
        }
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            return line.Append(value);
        }
        return line.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }

    private static StringBuilder Time(StringBuilder line, Instant? value) =>
        value is { } at ? line.Append(InstantPattern.ExtendedIso.Format(at)) : line;

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000", Justification = "IEndpointMetadataProvider's member is static by design.")]
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(Produced.Instance); // the JSON answer keeps its 200; CsvResponseTransformer adds this media type beside it
    }

    /// <summary>Marks an endpoint that also answers 200 as CSV.</summary>
    public sealed class Produced
    {
        public static readonly Produced Instance = new();

        private Produced()
        {
        }
    }
}
