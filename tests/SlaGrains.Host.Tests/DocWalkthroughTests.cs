using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace SlaGrains.Host.Tests;

/// <summary>
/// docs/api.md's walkthrough, run as a new user would: its curl commands, taken from the doc, against a fresh
/// Development host (demo seeded) started with the settings the doc's start line gives; every `# {...}` result the doc
/// states must be in the answer.
/// </summary>
public sealed partial class DocWalkthroughTests
{
    private const string Section = "## From nothing to a violated milestone";
    private const string DocBase = "http://localhost:5080";

    [Fact]
    public async Task The_api_walkthrough_works_as_written_on_a_fresh_development_host()
    {
        var section = WalkthroughSection();
        await using var host = new LoggedHost(StartSettings(section), development: true);
        var baseUrl = host.Client().BaseAddress!.ToString().TrimEnd('/');
        var blocks = BashBlock().Matches(section).Select(m => m.Groups[1].Value).ToList();
        var preamble = string.Join('\n', blocks.SelectMany(b => b.Split('\n')).Where(l => Assignment().IsMatch(l)))
            .Replace(DocBase, baseUrl, StringComparison.Ordinal);
        Assert.Contains(baseUrl, preamble, StringComparison.Ordinal);

        var checkedPairs = new List<string>();
        foreach (var (command, expected) in Commands(blocks))
        {
            var output = await Run(preamble, command);
            foreach (Match pair in Pair().Matches(expected))
            {
                var (key, value) = (pair.Groups[1].Value, pair.Groups[2].Value);
                Assert.True(Holds(output, key, value), $"the doc says {key}: {value} after\n{command}\nbut the answer was\n{output}");
                checkedPairs.Add($"{key}={value}");
            }
        }

        // What a new user checks: the business-hours answer, the match to the walkthrough's own entitlement, the violation.
        Assert.Contains("result=\"2025-03-10T10:00:00Z\"", checkedPairs);
        Assert.Contains("seconds=7200", checkedPairs);
        Assert.Contains("entitlementId=\"contoso-standard\"", checkedPairs);
        Assert.Contains("status=\"Violated\"", checkedPairs);
        Assert.Contains("milestoneStatus=\"OpenViolation\"", checkedPairs);
    }

    private static string WalkthroughSection()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SlaGrains.sln")))
        {
            dir = dir.Parent;
        }
        var doc = File.ReadAllText(Path.Combine(dir!.FullName, "docs", "api.md"));
        var start = doc.IndexOf(Section, StringComparison.Ordinal);
        Assert.True(start >= 0, $"docs/api.md has no '{Section}'");
        var end = doc.IndexOf("\n## ", start + Section.Length, StringComparison.Ordinal);
        return doc[start..(end < 0 ? doc.Length : end)];
    }

    /// <summary>The `Sla__...=value dotnet run` start line's settings, as configuration keys.</summary>
    private static Dictionary<string, string?> StartSettings(string section)
    {
        var line = StartLine().Match(section);
        Assert.True(line.Success, "the walkthrough says how to start SlaGrains");
        return line.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(a => a.Split('=', 2))
            .ToDictionary(a => a[0].Replace("__", ":", StringComparison.Ordinal), a => (string?)a[1]);
    }

    /// <summary>Each curl command (with its continuation lines) and the `# {...}` / `# ...` result lines after it.</summary>
    private static List<(string Command, string Expected)> Commands(IEnumerable<string> blocks)
    {
        var commands = new List<(string, string)>();
        foreach (var block in blocks)
        {
            string? command = null;
            var expected = "";
            void Flush()
            {
                if (command is not null)
                {
                    commands.Add((command, expected));
                }
                (command, expected) = (null, "");
            }
            foreach (var line in block.Split('\n'))
            {
                if (line.StartsWith("curl ", StringComparison.Ordinal))
                {
                    Flush();
                    command = line;
                }
                else if (command is not null && (line.StartsWith("# {", StringComparison.Ordinal) || line.StartsWith("# ...", StringComparison.Ordinal) || line.StartsWith("#  ", StringComparison.Ordinal)))
                {
                    expected += line[1..] + "\n";
                }
                else if (command is not null && expected.Length == 0 && line.Length > 0 && !line.StartsWith('#'))
                {
                    command += "\n" + line;
                }
                else
                {
                    Flush();
                }
            }
            Flush();
        }
        Assert.True(commands.Count >= 7, $"found {commands.Count} curl commands in the walkthrough");
        return commands;
    }

    /// <summary>Runs the command in bash as the doc gives it; --fail-with-body makes an error answer fail the test.</summary>
    private static async Task<string> Run(string preamble, string command)
    {
        Assert.StartsWith("curl -s ", command, StringComparison.Ordinal);
        var script = preamble + "\n" + "curl -s --fail-with-body " + command["curl -s ".Length..];
        using var bash = Process.Start(new ProcessStartInfo("bash", ["-c", script]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = await bash.StandardOutput.ReadToEndAsync();
        var error = await bash.StandardError.ReadToEndAsync();
        await bash.WaitForExitAsync();
        Assert.True(bash.ExitCode == 0, $"exit {bash.ExitCode}:\n{command}\n{output}\n{error}");
        return output;
    }

    private static bool Holds(string output, string key, string value)
    {
        var quotedKey = Regex.Escape($"\"{key}\"");
        if (value.EndsWith("...\"", StringComparison.Ordinal)) // a value the doc shortens: its start
        {
            return Regex.IsMatch(output, quotedKey + @"\s*:\s*" + Regex.Escape(value[..^4].TrimEnd()));
        }
        if (key.EndsWith("Seconds", StringComparison.Ordinal) && int.TryParse(value, CultureInfo.InvariantCulture, out var seconds))
        {
            // Times counted from the moment of receipt, which the doc cannot know to the second.
            return Regex.Matches(output, quotedKey + @"\s*:\s*(-?\d+)")
                .Any(m => Math.Abs(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) - seconds) <= 1);
        }
        return Regex.IsMatch(output, quotedKey + @"\s*:\s*" + Regex.Escape(value));
    }

    [GeneratedRegex(@"```bash\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex BashBlock();

    [GeneratedRegex(@"^[A-Z]+=")]
    private static partial Regex Assignment();

    [GeneratedRegex(@"`((?:Sla__\S+=\S+ )*)dotnet run --project src/SlaGrains.Host`")]
    private static partial Regex StartLine();

    [GeneratedRegex(@"""(\w+)"":\s*(""(?:[^""\\]|\\.)*""|-?\d+|null|true|false)")]
    private static partial Regex Pair();
}
