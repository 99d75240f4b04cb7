using NodaTime;
using SlaGrains.Domain.Calendars;
using SlaGrains.Tests.Shared;

namespace SlaGrains.Domain.Tests.Calendars;

/// <summary>Every worked case of shared/brief/examples/business-time.json, against the engine.</summary>
public sealed class BusinessTimeExampleTests
{
    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        var cases = BusinessTimeExample.Load();
        for (var i = 0; i < cases.Count; i++)
        {
            data.Add(cases[i].Source, i);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Public_example_holds(string source, int index)
    {
        var example = BusinessTimeExample.Load()[index];
        var calendar = BusinessCalendar.FromDefinition(example.Calendar());
        var start = example.Start;
        var pauses = example.Pauses();

        switch (example.Op)
        {
            case "add":
                var expected = example.ExpectedInstant;
                var result = calendar.Add(start, Duration.FromSeconds(example.Minutes * 60), pauses);
                Assert.True(expected == result, $"{source}: add {example.Minutes} min to {start} gave {result}, expected {expected}");
                break;
            case "elapsed":
                var end = example.End;
                var expectedSeconds = example.ExpectedMinutes * 60;
                var elapsed = end >= start ? calendar.Elapsed(start, end, pauses) : calendar.Elapsed(start, end);
                Assert.True(expectedSeconds == elapsed.TotalSeconds,
                    $"{source}: elapsed {start}..{end} gave {elapsed.TotalSeconds} s, expected {expectedSeconds} s");
                break;
            default:
                Assert.Fail($"unknown op in {source}");
                break;
        }
    }

    [Fact]
    public void The_example_file_is_the_full_public_set()
    {
        Assert.Equal(154, BusinessTimeExample.Load().Count);
    }
}
