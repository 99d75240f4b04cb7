using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SlaGrains.Host.Tests;

/// <summary>docs/api.md's batch example, sent as the doc writes it: a bare JSON array, answered by one result per event.</summary>
[Collection(HostTests.Name)]
public partial class DocBatchExampleTests(HostFixture fixture)
{
    [Fact]
    public async Task The_batch_example_in_the_api_doc_is_a_bare_array_answered_event_by_event()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SlaGrains.sln")))
        {
            dir = dir.Parent;
        }
        var doc = await File.ReadAllTextAsync(Path.Combine(dir!.FullName, "docs", "api.md"));
        var example = BatchExample().Match(doc);
        Assert.True(example.Success, "docs/api.md shows a batch: curl -s -X POST $B/events ... -d '[...]'");
        var body = example.Groups["body"].Value;
        Assert.IsType<JsonArray>(JsonNode.Parse(body));

        var answer = await fixture.Host.Client(SlaHost.AdminKey).PostAsync("/api/v1/events", SlaHost.Json(body));

        var results = (await answer.Json(HttpStatusCode.OK)).AsArray();
        var documented = example.Groups["answer"].Value;
        Assert.Equal(JsonNode.Parse(body)!.AsArray().Count, results.Count);
        for (var i = 0; i < results.Count; i++)
        {
            // The doc shows each result's caseId, eventId and status; its messages are shortened with "...".
            foreach (var field in new[] { "caseId", "eventId", "status" })
            {
                Assert.Contains($"\"{field}\":{results[i]![field]?.ToJsonString() ?? "null"}", documented.Split('\n')[i], StringComparison.Ordinal);
            }
        }
    }

    [GeneratedRegex(@"curl -s -X POST \$B/events [^\n]*-d '(?<body>\[.*?\])'\n(?<answer>(?:#[^\n]*\n)+)", RegexOptions.Singleline)]
    private static partial Regex BatchExample();
}
