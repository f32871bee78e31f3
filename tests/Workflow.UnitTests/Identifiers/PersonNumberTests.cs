using Workflow.Orchestrations.Domain.Identifiers;
using Workflow.UnitTests.Support;

namespace Workflow.UnitTests.Identifiers;

/// <summary>INSZ and BIS numbers (docs/design.md#identifiers): 11 digits, check = 97 − (first 9 mod 97), a 2 prefixed from 2000.</summary>
public class PersonNumberTests
{
    [Theory]
    [InlineData(1985, 7, 30, 33)]
    [InlineData(1999, 12, 31, 998)]
    [InlineData(1956, 2, 29, 1)]
    [InlineData(1900, 1, 1, 101)]
    public void Insz_born_before_2000_is_valid_with_its_birth_date(int year, int month, int day, int sequence)
    {
        PersonNumberCheck check = PersonNumber.Check(CheckDigits.PersonNumber(year, month, day, sequence));

        Assert.True(check.IsValid, check.Error);
        Assert.Equal(PersonNumberKind.Insz, check.Kind);
        Assert.Equal(new DateOnly(year, month, day), check.BirthDate);
        Assert.Null(check.Error);
    }

    [Theory]
    [InlineData(2000, 1, 1, 1)]
    [InlineData(2001, 2, 3, 45)]
    [InlineData(2000, 2, 29, 123)]
    [InlineData(2017, 12, 31, 997)]
    public void Insz_born_from_2000_is_valid_with_the_2_prefixed_check_and_reads_as_a_2000s_birth(int year, int month, int day, int sequence)
    {
        PersonNumberCheck check = PersonNumber.Check(CheckDigits.PersonNumber(year, month, day, sequence));

        Assert.True(check.IsValid, check.Error);
        Assert.Equal(PersonNumberKind.Insz, check.Kind);
        Assert.Equal(new DateOnly(year, month, day), check.BirthDate);
    }

    [Theory]
    [InlineData("85073003328", 1985, 7, 30)] // 850730033 mod 97 = 69; 97 − 69 = 28
    [InlineData("01020304526", 2001, 2, 3)] // 2010203045 mod 97 = 71; 97 − 71 = 26
    [InlineData("00022912320", 2000, 2, 29)] // 2000229123 mod 97 = 77; 97 − 77 = 20
    public void Hand_verified_insz_numbers_are_valid(string insz, int year, int month, int day)
    {
        PersonNumberCheck check = PersonNumber.Check(insz);

        Assert.True(check.IsValid, check.Error);
        Assert.Equal(PersonNumberKind.Insz, check.Kind);
        Assert.Equal(new DateOnly(year, month, day), check.BirthDate);
    }

    [Fact]
    public void Insz_of_2001_with_check_digits_computed_without_the_2_prefix_reads_as_a_1901_birth()
    {
        // 010203045 mod 97 = 3; 97 − 3 = 94: the 1900s rule, so it is the number of someone born on 1901-02-03.
        PersonNumberCheck check = PersonNumber.Check("01020304594");

        Assert.True(check.IsValid, check.Error);
        Assert.Equal(new DateOnly(1901, 2, 3), check.BirthDate);
    }

    [Fact]
    public void Insz_of_29_February_2000_is_rejected_with_the_1900s_check_digits_because_1900_was_no_leap_year()
    {
        // 000229123 mod 97 = 9; 97 − 9 = 88: only the 2-prefixed check (20) makes 29 February a real date (2000).
        Assert.False(PersonNumber.Check("00022912388").IsValid);
        Assert.True(PersonNumber.Check("00022912320").IsValid);
    }

    [Theory]
    [InlineData("85073003329")]
    [InlineData("85073003327")]
    [InlineData("85073003356")]
    [InlineData("01020304527")]
    [InlineData("85073003300")]
    [InlineData("85073103328")] // the check of 85.07.30 on the number of 85.07.31
    public void Wrong_check_digits_are_rejected(string value)
    {
        PersonNumberCheck check = PersonNumber.Check(value);

        Assert.False(check.IsValid);
        Assert.Null(check.Kind);
        Assert.Null(check.BirthDate);
        Assert.NotNull(check.Error);
    }

    [Theory]
    [InlineData(1985, 27, 30, 1985, 7, 30)]
    [InlineData(1985, 47, 30, 1985, 7, 30)]
    [InlineData(1970, 32, 31, 1970, 12, 31)]
    [InlineData(1970, 41, 1, 1970, 1, 1)]
    [InlineData(2003, 25, 14, 2003, 5, 14)]
    [InlineData(2003, 45, 14, 2003, 5, 14)]
    public void Bis_with_month_plus_20_or_plus_40_is_valid_and_reported_as_bis_with_the_real_birth_date(
        int year, int monthField, int day, int birthYear, int birthMonth, int birthDay)
    {
        PersonNumberCheck check = PersonNumber.Check(CheckDigits.PersonNumber(year, monthField, day, 212));

        Assert.True(check.IsValid, check.Error);
        Assert.Equal(PersonNumberKind.Bis, check.Kind);
        Assert.Equal(new DateOnly(birthYear, birthMonth, birthDay), check.BirthDate);
    }

    [Fact]
    public void Hand_verified_bis_number_is_valid()
    {
        // 852730033 mod 97 = 26; 97 − 26 = 71.
        PersonNumberCheck check = PersonNumber.Check("85273003371");

        Assert.True(check.IsValid, check.Error);
        Assert.Equal(PersonNumberKind.Bis, check.Kind);
        Assert.Equal(new DateOnly(1985, 7, 30), check.BirthDate);
    }

    [Theory]
    [InlineData(1985, 0, 0)]
    [InlineData(1985, 7, 0)]
    [InlineData(1985, 0, 15)]
    [InlineData(2004, 0, 0)]
    public void Insz_with_unknown_birth_month_or_day_is_accepted_with_null_birth_date(int year, int month, int day)
    {
        PersonNumberCheck check = PersonNumber.Check(CheckDigits.PersonNumber(year, month, day, 17));

        Assert.True(check.IsValid, check.Error);
        Assert.Equal(PersonNumberKind.Insz, check.Kind);
        Assert.Null(check.BirthDate);
    }

    [Theory]
    [InlineData(1985, 27, 0)] // month known (July), day unknown
    [InlineData(1985, 20, 0)] // month unknown: 00 + 20
    [InlineData(1985, 40, 0)] // month unknown: 00 + 40
    [InlineData(1985, 20, 15)]
    public void Bis_with_unknown_birth_month_or_day_is_accepted_as_bis_with_null_birth_date(int year, int monthField, int day)
    {
        PersonNumberCheck check = PersonNumber.Check(CheckDigits.PersonNumber(year, monthField, day, 17));

        Assert.True(check.IsValid, check.Error);
        Assert.Equal(PersonNumberKind.Bis, check.Kind);
        Assert.Null(check.BirthDate);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("8507300332A")]
    [InlineData("85O73003328")]
    [InlineData("abcdefghijk")]
    [InlineData("85/07/30 033 28")]
    [InlineData("+85073003328")]
    [InlineData("8507300332")] // 10 digits
    [InlineData("850730033280")] // 12 digits
    [InlineData("０５０７３００３３２８")] // full-width digits are not ASCII digits
    public void Non_digits_and_wrong_lengths_are_rejected(string? value)
    {
        PersonNumberCheck check = PersonNumber.Check(value);

        Assert.False(check.IsValid);
        Assert.Null(check.Kind);
    }

    [Theory]
    [InlineData(1985, 2, 31)] // 31 February
    [InlineData(1985, 2, 30)]
    [InlineData(1985, 2, 29)] // 1985 is no leap year
    [InlineData(1985, 4, 31)]
    [InlineData(1985, 13, 1)]
    [InlineData(1985, 7, 32)]
    [InlineData(1985, 33, 1)] // BIS month 13
    [InlineData(1985, 53, 1)] // BIS month 13
    [InlineData(1985, 60, 1)]
    [InlineData(2001, 2, 29)] // 2001 is no leap year
    [InlineData(2001, 2, 31)]
    public void Impossible_dates_are_rejected_even_with_correct_check_digits(int year, int monthField, int day)
    {
        PersonNumberCheck check = PersonNumber.Check(CheckDigits.PersonNumber(year, monthField, day, 33));

        Assert.False(check.IsValid);
        Assert.Null(check.BirthDate);
    }

    [Theory]
    [InlineData("85.07.30-033.28")]
    [InlineData("85 07 30 033 28")]
    [InlineData("850730-033-28")]
    [InlineData(" 85073003328 ")]
    public void Usual_separators_are_normalised(string value)
    {
        Assert.Equal("85073003328", PersonNumber.Normalize(value));

        PersonNumberCheck check = PersonNumber.Check(value);
        Assert.True(check.IsValid, check.Error);
        Assert.Equal(new DateOnly(1985, 7, 30), check.BirthDate);
    }
}
