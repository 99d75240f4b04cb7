using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using NodaTime;
using NodaTime.Text;
using SlaGrains.Domain.Reports;
using SlaGrains.Host.Api;

namespace SlaGrains.Host.Tests.Reports;

/// <summary>The CSV export's exact bytes: RFC 4180 quoting, empty nulls, instants as NodaTime's extended ISO pattern.</summary>
public sealed class CsvFactsTests
{
    private static MilestoneFact Fact(string caseId, MilestoneFactStatus status = MilestoneFactStatus.Met) => new()
    {
        CaseId = caseId,
        MilestoneId = "first-response#1",
        Milestone = "First Response",
        Instance = 1,
        ProcessId = "gold",
        ProcessVersion = 2,
        Status = status,
        StartedAt = Instant.FromUtc(2025, 3, 3, 14, 0),
        PausedSeconds = 0,
        OverdueSeconds = 0,
        CaseVersion = 7,
    };

    private static async Task<string> Export(IEnumerable<MilestoneFact> facts)
    {
        var context = new DefaultHttpContext();
        using var body = new MemoryStream();
        context.Response.Body = body;
        await new CsvFacts(facts.ToAsyncEnumerable()).ExecuteAsync(context);
        Assert.Equal("text/csv; charset=utf-8", context.Response.ContentType);
        return Encoding.UTF8.GetString(body.ToArray());
    }

    [Fact]
    public async Task Quotes_fields_with_commas_quotes_and_line_breaks_and_leaves_nulls_empty()
    {
        var csv = await Export(
        [
            Fact("case-1") with
            {
                Queue = "Tier 1, EMEA", Owner = "Ana \"the fixer\" Ruiz", Priority = "Line\nbreak", AccountId = "crlf\r\n", EntitlementId = "ünïcødé",
                TargetAt = Instant.FromUtc(2025, 3, 3, 14, 30), CompletedAt = Instant.FromUtc(2025, 3, 3, 14, 10, 5) + Duration.FromMilliseconds(250),
                SecondsToComplete = 605, PausedSeconds = 12,
            },
            Fact("case-2", MilestoneFactStatus.Violated) with
            {
                TargetAt = Instant.FromUtc(2025, 3, 3, 15, 0) + Duration.FromNanoseconds(1), ViolatedAt = Instant.FromUtc(2025, 3, 3, 15, 0),
                OverdueSeconds = 86_400_000_000, CalendarId = "us-east",
            },
        ]);

        Assert.Equal(CsvFacts.Header + "\r\n"
            + "case-1,first-response#1,First Response,1,gold,2,ünïcødé,\"crlf\r\n\",\"Tier 1, EMEA\",\"Line\nbreak\",\"Ana \"\"the fixer\"\" Ruiz\",,"
            + "Met,2025-03-03T14:00:00Z,2025-03-03T14:30:00Z,2025-03-03T14:10:05.25Z,,605,12,0\r\n"
            + "case-2,first-response#1,First Response,1,gold,2,,,,,,us-east,"
            + "Violated,2025-03-03T14:00:00Z,2025-03-03T15:00:00.000000001Z,,2025-03-03T15:00:00Z,,0,86400000000\r\n", csv);
    }

    /// <summary>The format the CSV promises, written the plain way: what the fast writer must equal byte for byte.</summary>
    private static string Expected(IEnumerable<MilestoneFact> facts)
    {
        static string F(string? v) => v is null ? "" : v.AsSpan().IndexOfAny(",\"\r\n") < 0 ? v : "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        static string T(Instant? v) => v is { } at ? InstantPattern.ExtendedIso.Format(at) : "";
        var csv = new StringBuilder(CsvFacts.Header + "\r\n");
        foreach (var f in facts)
        {
            csv.AppendJoin(',', F(f.CaseId), F(f.MilestoneId), F(f.Milestone), f.Instance.ToString(CultureInfo.InvariantCulture), F(f.ProcessId),
                f.ProcessVersion.ToString(CultureInfo.InvariantCulture), F(f.EntitlementId), F(f.AccountId), F(f.Queue), F(f.Priority), F(f.Owner),
                F(f.CalendarId), f.Status.ToString(), T(f.StartedAt), T(f.TargetAt), T(f.CompletedAt), T(f.ViolatedAt),
                f.SecondsToComplete?.ToString(CultureInfo.InvariantCulture), f.PausedSeconds.ToString(CultureInfo.InvariantCulture),
                f.OverdueSeconds.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
        }
        return csv.ToString();
    }

    [Fact]
    public async Task A_large_export_of_varied_facts_equals_the_plain_formatting_byte_for_byte()
    {
        var random = new Random(22);
        string? Text(int i) => (i % 7) switch
        {
            0 => null,
            1 => "",
            2 => $"q,{i}",
            3 => $"say \"{i}\"",
            4 => new string('x', random.Next(1, 3000)) + "é",
            5 => $"日本語-{i}",
            _ => $"plain-{i}",
        };
        Instant At() => Instant.FromUnixTimeTicks(random.NextInt64(-621_355_968_000_000_000, 2_534_000_000_000_000_00)) + Duration.FromNanoseconds(random.Next(3) == 0 ? random.Next(100) : 0);
        Instant? Maybe() => random.Next(4) == 0 ? null : At();
        var facts = Enumerable.Range(0, 5000).Select(i => Fact($"case-{i}", (MilestoneFactStatus)(i % 5)) with
        {
            Milestone = Text(i + 3) ?? "m", EntitlementId = Text(i), AccountId = Text(i + 1), Queue = Text(i + 2), Priority = Text(i + 4),
            Owner = Text(i + 5), CalendarId = Text(i + 6), Instance = random.Next(), ProcessVersion = random.Next(),
            StartedAt = At(), TargetAt = Maybe(), CompletedAt = Maybe(), ViolatedAt = Maybe(),
            SecondsToComplete = random.Next(3) == 0 ? null : random.NextInt64(), PausedSeconds = random.NextInt64(), OverdueSeconds = i % 2 == 0 ? 0 : long.MaxValue,
        }).ToList();

        Assert.Equal(Expected(facts), await Export(facts));
    }

    [Fact]
    public async Task An_empty_export_is_the_header_row()
    {
        Assert.Equal(CsvFacts.Header + "\r\n", await Export([]));
    }
}
