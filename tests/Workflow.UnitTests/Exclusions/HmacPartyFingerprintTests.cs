using Microsoft.Extensions.Options;
using Workflow.Application.Exclusions;

namespace Workflow.UnitTests.Exclusions;

/// <summary>Directors are kept in tables as a keyed fingerprint of their person number: stable per key, different across keys, no key no start.</summary>
public class HmacPartyFingerprintTests
{
    static HmacPartyFingerprint With(string key) => new(Options.Create(new ExclusionSettings { DirectorKey = key }));

    [Fact]
    public void The_fingerprint_is_stable_for_a_key_and_differs_between_keys_and_numbers()
    {
        HmacPartyFingerprint one = With("first-director-key-of-at-least-32-bytes");
        string fingerprint = one.OfPersonNumber("71020399532");

        Assert.Equal("f88e18a9fa66993cc40ecf7a0880d3be7f9b1c39b70247374e8dba28d9f93812", fingerprint); // HMAC-SHA256, as any library computes it
        Assert.Equal(fingerprint, With("first-director-key-of-at-least-32-bytes").OfPersonNumber("71020399532"));
        Assert.NotEqual(fingerprint, With("second-director-key-of-at-least-32-bytes").OfPersonNumber("71020399532"));
        Assert.NotEqual(fingerprint, one.OfPersonNumber("85073003328"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("too-short-key")]
    [InlineData("31-bytes-long-key-0123456789012")]
    public void Without_a_key_of_32_bytes_the_registry_refuses_to_start(string key)
    {
        InvalidOperationException refused = Assert.Throws<InvalidOperationException>(() => With(key));
        Assert.Contains("Exclusions:DirectorKey", refused.Message, StringComparison.Ordinal);
        Assert.False(new ExclusionSettings { DirectorKey = key }.HasValidKey);
    }

    [Theory]
    [InlineData("71.02.03-995.32")]
    [InlineData("7102039953")]
    [InlineData("")]
    public void Only_a_canonical_number_is_fingerprinted(string number) =>
        Assert.Throws<ArgumentException>(() => With("first-director-key-of-at-least-32-bytes").OfPersonNumber(number));
}
