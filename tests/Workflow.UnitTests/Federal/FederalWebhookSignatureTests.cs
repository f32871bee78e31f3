using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Workflow.Application.Federal;

namespace Workflow.UnitTests.Federal;

/// <summary>
/// The federal webhook's authentication: HMAC-SHA256 over "{timestamp}.{body}" with the shared secret, a constant-time
/// comparison, and a replay window on the signed timestamp.
/// </summary>
public sealed class FederalWebhookSignatureTests
{
    const string Secret = "0123456789abcdef0123456789abcdef";
    static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"messageId":"dvz-1"}""");
    static readonly DateTimeOffset Now = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);

    static FederalWebhookSignature With(string? secret, DateTimeOffset? now = null) =>
        new(Options.Create(new FederalWebhookSettings { Secret = secret }), new FakeTimeProvider(now ?? Now));

    [Fact]
    public void A_body_signed_now_with_the_secret_is_authentic_in_upper_or_lower_case_hex()
    {
        (string timestamp, string signature) = FederalWebhookSignature.Sign(Body, Secret, Now);

        Assert.Null(With(Secret).Check(Body, timestamp, signature));
        Assert.Null(With(Secret).Check(Body, timestamp, "sha256=" + signature["sha256=".Length..].ToUpperInvariant()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sha256=")]
    [InlineData("sha256=zz")]
    [InlineData("md5=00")]
    public void A_missing_or_malformed_signature_is_refused(string? signature)
    {
        (string timestamp, _) = FederalWebhookSignature.Sign(Body, Secret, Now);
        Assert.NotNull(With(Secret).Check(Body, timestamp, signature));
    }

    [Fact]
    public void Another_body_another_secret_or_another_timestamp_is_refused()
    {
        (string timestamp, string signature) = FederalWebhookSignature.Sign(Body, Secret, Now);

        Assert.NotNull(With(Secret).Check(Encoding.UTF8.GetBytes("""{"messageId":"dvz-2"}"""), timestamp, signature));
        Assert.NotNull(With(Secret.ToUpperInvariant() + "x").Check(Body, timestamp, signature));
        Assert.NotNull(With(Secret).Check(Body, (long.Parse(timestamp, System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), signature));
    }

    [Theory]
    [InlineData(-300, true)]
    [InlineData(300, true)]
    [InlineData(-301, false)]
    [InlineData(301, false)]
    public void The_signed_timestamp_must_lie_within_five_minutes_of_now(int offsetSeconds, bool accepted)
    {
        (string timestamp, string signature) = FederalWebhookSignature.Sign(Body, Secret, Now.AddSeconds(offsetSeconds));
        Assert.Equal(accepted, With(Secret).Check(Body, timestamp, signature) is null);
    }

    [Theory]
    [InlineData("not-a-number")]
    [InlineData("-5")]
    [InlineData("99999999999999999999")]
    public void A_malformed_timestamp_is_refused(string timestamp)
    {
        (_, string signature) = FederalWebhookSignature.Sign(Body, Secret, Now);
        Assert.NotNull(With(Secret).Check(Body, timestamp, signature));
    }

    [Fact]
    public void Without_a_secret_or_with_a_short_one_every_call_is_refused()
    {
        (string timestamp, string signature) = FederalWebhookSignature.Sign(Body, "too-short", Now);
        Assert.NotNull(With(null).Check(Body, timestamp, signature));
        Assert.NotNull(With("too-short").Check(Body, timestamp, signature));
    }
}
