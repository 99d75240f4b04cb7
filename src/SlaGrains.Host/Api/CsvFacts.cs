using System.Buffers;
using System.Collections.Frozen;
using System.Globalization;
using System.IO.Pipelines;
using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Http.Metadata;
using NodaTime;
using NodaTime.Text;
using SlaGrains.Domain.Reports;

namespace SlaGrains.Host.Api;

/// <summary>
/// 200 with facts as CSV (RFC 4180, one header row), written as they are read from the store and flushed every
/// 64 KiB, so an export of any size holds only a buffer in memory. Rows go as UTF-8 straight into the response's
/// PipeWriter, numbers and instants formatted in place: an export is a hot loop of 100,000s of rows, and text
/// through a StreamWriter would copy every row twice and allocate each instant's string. The shape is fixed and
/// flat, so a few lines of quoting do what a CSV library would.
/// </summary>
public sealed class CsvFacts(IAsyncEnumerable<MilestoneFact> facts) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult, IEndpointMetadataProvider
{
    public const string MediaType = "text/csv";
    private const int FlushBytes = 64 * 1024;

    /// <summary>Room for the fixed part of a row: 6 numbers of up to 20 characters, 4 instants of up to 32, the status, 19 commas and CRLF.</summary>
    private const int FixedRowBytes = 6 * 20 + 4 * 32 + 16 + 24;

    public static readonly string Header =
        "caseId,milestoneId,milestone,instance,processId,processVersion,entitlementId,accountId,queue,priority,owner,calendarId," +
        "status,startedAt,targetAt,completedAt,violatedAt,secondsToComplete,pausedSeconds,overdueSeconds";

    private static readonly byte[] HeaderLine = Encoding.UTF8.GetBytes(Header + "\r\n");

    private static readonly FrozenDictionary<MilestoneFactStatus, byte[]> StatusNames =
        Enum.GetValues<MilestoneFactStatus>().ToFrozenDictionary(s => s, s => Encoding.UTF8.GetBytes(s.ToString()));

    public int? StatusCode => StatusCodes.Status200OK;

    public string ContentType => MediaType + "; charset=utf-8";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = ContentType;
        var cancel = httpContext.RequestAborted;
        var pipe = httpContext.Response.BodyWriter;
        pipe.Write(HeaderLine);
        long unflushed = HeaderLine.Length;
        await foreach (var f in facts.WithCancellation(cancel))
        {
            unflushed += WriteRow(pipe, f);
            if (unflushed >= FlushBytes)
            {
                await pipe.FlushAsync(cancel);
                unflushed = 0;
            }
        }
        await pipe.FlushAsync(cancel);
    }

    private static int WriteRow(PipeWriter pipe, MilestoneFact f)
    {
        // One span for the whole row: text fields at their worst (every character a quote, doubled, in 3 UTF-8 bytes).
        var texts = f.CaseId.Length + f.MilestoneId.Length + f.Milestone.Length + f.ProcessId.Length + (f.EntitlementId?.Length ?? 0)
                    + (f.AccountId?.Length ?? 0) + (f.Queue?.Length ?? 0) + (f.Priority?.Length ?? 0) + (f.Owner?.Length ?? 0) + (f.CalendarId?.Length ?? 0);
        var row = pipe.GetSpan(FixedRowBytes + texts * 6 + 2 * 10);
        var n = 0;
        n += Field(row[n..], f.CaseId);
        row[n++] = (byte)',';
        n += Field(row[n..], f.MilestoneId);
        row[n++] = (byte)',';
        n += Field(row[n..], f.Milestone);
        row[n++] = (byte)',';
        n += Number(row[n..], f.Instance);
        row[n++] = (byte)',';
        n += Field(row[n..], f.ProcessId);
        row[n++] = (byte)',';
        n += Number(row[n..], f.ProcessVersion);
        row[n++] = (byte)',';
        n += Field(row[n..], f.EntitlementId);
        row[n++] = (byte)',';
        n += Field(row[n..], f.AccountId);
        row[n++] = (byte)',';
        n += Field(row[n..], f.Queue);
        row[n++] = (byte)',';
        n += Field(row[n..], f.Priority);
        row[n++] = (byte)',';
        n += Field(row[n..], f.Owner);
        row[n++] = (byte)',';
        n += Field(row[n..], f.CalendarId);
        row[n++] = (byte)',';
        var status = StatusNames[f.Status];
        status.CopyTo(row[n..]);
        n += status.Length;
        row[n++] = (byte)',';
        n += Time(row[n..], f.StartedAt);
        row[n++] = (byte)',';
        n += Time(row[n..], f.TargetAt);
        row[n++] = (byte)',';
        n += Time(row[n..], f.CompletedAt);
        row[n++] = (byte)',';
        n += Time(row[n..], f.ViolatedAt);
        row[n++] = (byte)',';
        if (f.SecondsToComplete is { } seconds)
        {
            n += Number(row[n..], seconds);
        }
        row[n++] = (byte)',';
        n += Number(row[n..], f.PausedSeconds);
        row[n++] = (byte)',';
        n += Number(row[n..], f.OverdueSeconds);
        row[n++] = (byte)'\r';
        row[n++] = (byte)'\n';
        pipe.Advance(n);
        return n;
    }

    /// <summary>A text field, quoted when it holds a comma, quote or line break (quotes doubled); empty for null.</summary>
    private static int Field(Span<byte> to, string? value)
    {
        if (value is null)
        {
            return 0;
        }
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            return Encoding.UTF8.GetBytes(value, to);
        }
        var n = 0;
        to[n++] = (byte)'"';
        foreach (var part in value.AsSpan().Split('"'))
        {
            if (part.Start.Value > 0)
            {
                to[n++] = (byte)'"';
                to[n++] = (byte)'"';
            }
            n += Encoding.UTF8.GetBytes(value.AsSpan(part), to[n..]);
        }
        to[n++] = (byte)'"';
        return n;
    }

    private static int Number(Span<byte> to, long value)
    {
        value.TryFormat(to, out var n, default, CultureInfo.InvariantCulture);
        return n;
    }

    /// <summary>
    /// An instant as <see cref="InstantPattern.ExtendedIso"/> writes it (<c>2025-03-03T14:10:05.25Z</c>: seconds, then
    /// only the fraction's significant digits). Instants a DateTime holds exactly, all a PostgreSQL timestamp can be,
    /// are written digit by digit here; any other (nanoseconds, years outside 1–9999) goes through NodaTime.
    /// </summary>
    private static int Time(Span<byte> to, Instant? value)
    {
        if (value is not { } at)
        {
            return 0;
        }
        var ticks = at.ToUnixTimeTicks();
        if (Instant.FromUnixTimeTicks(ticks) != at || ticks < MinUnixTicks || ticks > MaxUnixTicks)
        {
            return Encoding.UTF8.GetBytes(InstantPattern.ExtendedIso.Format(at), to);
        }
        var time = new DateTime(ticks - MinUnixTicks, DateTimeKind.Utc);
        Digits(to, time.Year, 4);
        to[4] = (byte)'-';
        Digits(to[5..], time.Month, 2);
        to[7] = (byte)'-';
        Digits(to[8..], time.Day, 2);
        to[10] = (byte)'T';
        Digits(to[11..], time.Hour, 2);
        to[13] = (byte)':';
        Digits(to[14..], time.Minute, 2);
        to[16] = (byte)':';
        Digits(to[17..], time.Second, 2);
        var n = 19;
        var fraction = (int)(time.Ticks % TimeSpan.TicksPerSecond);
        if (fraction > 0)
        {
            var digits = 7;
            while (fraction % 10 == 0)
            {
                fraction /= 10;
                digits--;
            }
            to[n++] = (byte)'.';
            Digits(to[n..], fraction, digits);
            n += digits;
        }
        to[n++] = (byte)'Z';
        return n;
    }

    private static readonly long MinUnixTicks = DateTime.MinValue.Ticks - DateTime.UnixEpoch.Ticks;
    private static readonly long MaxUnixTicks = DateTime.MaxValue.Ticks - DateTime.UnixEpoch.Ticks;

    /// <summary><paramref name="value"/> in exactly <paramref name="count"/> digits, zero-padded.</summary>
    private static void Digits(Span<byte> to, int value, int count)
    {
        for (var i = count - 1; i >= 0; i--)
        {
            to[i] = (byte)('0' + value % 10);
            value /= 10;
        }
    }

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
