using System.Text.RegularExpressions;
using Workflow.Orchestrations.Domain;

namespace Workflow.UnitTests;

/// <summary>Application ids (docs/design.md#instance-id): deterministic from applicant key and submission id, restricted alphabet.</summary>
public partial class ApplicationIdsTests
{
    [GeneratedRegex("^wp-[a-z2-7]{26}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdShape();

    [Theory]
    [InlineData("0123456749", "sub-1")]
    [InlineData("1000000021", "2026-03-02T10:00:00Z")]
    [InlineData("self:portal-ref-42", "submission-9")]
    public void Derive_is_deterministic_and_has_the_restricted_shape(string applicantKey, string submissionId)
    {
        string first = ApplicationIds.Derive(applicantKey, submissionId);
        string second = ApplicationIds.Derive(applicantKey, submissionId);

        Assert.Equal(first, second);
        Assert.Matches(IdShape(), first);
        Assert.Equal(ApplicationIds.Length, first.Length);
        Assert.DoesNotContain(applicantKey, first, StringComparison.Ordinal);
        Assert.DoesNotContain(submissionId, first, StringComparison.Ordinal);
    }

    [Fact]
    public void Different_pairs_give_different_ids()
    {
        string[] ids =
        [
            ApplicationIds.Derive("0123456749", "sub-1"),
            ApplicationIds.Derive("0123456749", "sub-2"),
            ApplicationIds.Derive("1000000021", "sub-1"),
            ApplicationIds.Derive("self:sub-1", "0123456749"),
            ApplicationIds.Derive("0123456749", "SUB-1"),
        ];

        Assert.Equal(ids.Length, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Derived_ids_are_well_formed()
    {
        for (int i = 0; i < 200; i++)
        {
            string id = ApplicationIds.Derive("0123456749", $"sub-{i}");
            Assert.True(ApplicationIds.IsWellFormed(id), id);
        }
    }

    [Fact]
    public void An_id_with_uppercase_letters_is_not_well_formed()
    {
        string id = ApplicationIds.Derive("0123456749", "sub-1");
        string upper = ApplicationIds.Prefix + id[ApplicationIds.Prefix.Length..].ToUpperInvariant();
        Assert.NotEqual(id, upper); // the id has at least one letter to upper-case

        Assert.False(ApplicationIds.IsWellFormed(upper));
        Assert.False(ApplicationIds.IsWellFormed(id.ToUpperInvariant()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("wp-")]
    [InlineData("wp-abcdefghijklmnopqrstuvwxy")] // 25 characters after the prefix
    [InlineData("wp-abcdefghijklmnopqrstuvwxyz2")] // 27 characters after the prefix
    [InlineData("xx-abcdefghijklmnopqrstuvwxyz")]
    [InlineData("wpxabcdefghijklmnopqrstuvwxyz")]
    [InlineData("wp-abcdefghijklmnopqrstuvwx01")] // 0, 1, 8 and 9 are not base32
    [InlineData("wp-abcdefghijklmnopqrstuvwx89")]
    [InlineData("wp-../../../../../../etc/pass")] // path traversal, right length
    [InlineData("wp-..\\..\\..\\..\\windows\\sys32a")]
    [InlineData("wp-abcdefghijklm/opqrstuvwxyz")]
    [InlineData("wp-abcdefghijklm opqrstuvwxyz")]
    [InlineData("wp-abcdefghijklmnopqrstuvwxy\n")]
    [InlineData(" wp-abcdefghijklmnopqrstuvwxy")]
    public void Junk_is_not_well_formed(string? value)
    {
        Assert.False(ApplicationIds.IsWellFormed(value));
    }

    [Fact]
    public void A_hand_written_id_of_the_right_shape_is_well_formed()
    {
        Assert.True(ApplicationIds.IsWellFormed("wp-abcdefghijklmnopqrstuvwxyz"));
        Assert.True(ApplicationIds.IsWellFormed("wp-234567abcdefghijklmnopqrst"));
    }

    [Theory]
    [InlineData("", "sub-1")]
    [InlineData(" ", "sub-1")]
    [InlineData("0123456749", "")]
    public void Blank_parts_are_refused(string applicantKey, string submissionId)
    {
        Assert.ThrowsAny<ArgumentException>(() => ApplicationIds.Derive(applicantKey, submissionId));
    }
}
