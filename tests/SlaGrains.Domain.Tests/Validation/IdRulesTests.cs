using SlaGrains.Domain.Validation;

namespace SlaGrains.Domain.Tests.Validation;

public sealed class IdRulesTests
{
    [Theory]
    [InlineData("acme")]
    [InlineData("case-1")]
    [InlineData("a.b_c:d@e-f")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789")]
    public void Ids_of_1_to_100_letters_digits_and_punctuation_are_valid(string id) => Assert.True(IdRules.IsId(id));

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("a b")]
    [InlineData("a/b")]
    [InlineData("caf\u00e9")]
    [InlineData("01234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890")]
    [InlineData(null)]
    public void Empty_blank_spaced_slashed_or_long_ids_are_not(string? id) => Assert.False(IdRules.IsId(id));

    [Theory]
    [InlineData("Tier 1")]
    [InlineData("Support - EMEA")]
    [InlineData("\u00c9quipe 2")]
    [InlineData("tier-1")]
    public void Queue_names_may_hold_single_inner_spaces(string queue, bool valid = true) => Assert.Equal(valid, IdRules.IsQueueName(queue));

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData(" Tier 1")]
    [InlineData("Tier 1 ")]
    [InlineData("Tier  1")]
    [InlineData("Tier/1")]
    public void Queue_names_are_not_blank_padded_or_slashed(string queue) => Assert.False(IdRules.IsQueueName(queue));

    [Fact]
    public void A_long_value_is_quoted_shortened_so_an_error_never_echoes_megabytes()
    {
        var quoted = IdRules.Quote(new string('x', 3_000_000));

        Assert.True(quoted.Length < 80, quoted);
        Assert.Contains("3000000 characters", quoted, StringComparison.Ordinal);
    }
}
