using Workflow.Orchestrations.Domain.Identifiers;
using Workflow.UnitTests.Support;

namespace Workflow.UnitTests.Identifiers;

/// <summary>KBO enterprise numbers (docs/design.md#identifiers): 10 digits starting with 0 or 1, check = 97 − (first 8 mod 97).</summary>
public class EnterpriseNumberTests
{
    [Theory]
    [InlineData("0123456749")] // 1234567 mod 97 = 48; 97 − 48 = 49
    [InlineData("1000000021")] // 10000000 mod 97 = 76; 97 − 76 = 21
    [InlineData("1234567894")] // 12345678 mod 97 = 3; 97 − 3 = 94
    public void Hand_verified_numbers_starting_with_0_or_1_are_valid(string kbo)
    {
        Assert.True(EnterpriseNumber.IsValid(kbo, out string normalized));
        Assert.Equal(kbo, normalized);
    }

    [Theory]
    [InlineData("09876543")]
    [InlineData("04031234")]
    [InlineData("10203040")]
    [InlineData("19999999")]
    [InlineData("00000097")] // first 8 mod 97 = 0: check digits 97
    public void Numbers_built_with_the_check_rule_are_valid(string firstEight)
    {
        string kbo = CheckDigits.Kbo(firstEight);

        Assert.True(EnterpriseNumber.IsValid(kbo, out string normalized));
        Assert.Equal(kbo, normalized);
    }

    [Theory]
    [InlineData("BE0123.456.749")]
    [InlineData("BE 0123 456 749")]
    [InlineData("be0123456749")]
    [InlineData("0123.456.749")]
    [InlineData("0123-456-749")]
    [InlineData(" 0123456749 ")]
    public void Usual_notations_are_normalised_to_10_digits(string value)
    {
        Assert.True(EnterpriseNumber.IsValid(value, out string normalized));
        Assert.Equal("0123456749", normalized);
    }

    [Theory]
    [InlineData("0123456748")]
    [InlineData("0123456750")]
    [InlineData("0123456794")]
    [InlineData("1000000022")]
    [InlineData("BE0123.456.700")]
    public void Wrong_check_digits_are_rejected(string value)
    {
        Assert.False(EnterpriseNumber.IsValid(value, out string normalized));
        Assert.Empty(normalized);
    }

    [Theory]
    [InlineData("23456789")]
    [InlineData("90000000")]
    public void A_number_not_starting_with_0_or_1_is_rejected_even_with_correct_check_digits(string firstEight)
    {
        Assert.False(EnterpriseNumber.IsValid(CheckDigits.Kbo(firstEight), out _));
    }

    [Theory]
    [InlineData("123456749")] // 9 digits: 0123456749 without its leading 0
    [InlineData("01234567490")] // 11 digits
    [InlineData("00123456749")]
    [InlineData("0123A56749")]
    [InlineData("NL0123456749")]
    [InlineData("")]
    [InlineData(null)]
    public void Wrong_lengths_and_non_digits_are_rejected(string? value)
    {
        Assert.False(EnterpriseNumber.IsValid(value, out _));
    }
}
