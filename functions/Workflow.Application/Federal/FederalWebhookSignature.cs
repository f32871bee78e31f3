using Microsoft.Extensions.Options;

namespace Workflow.Application.Federal;

/// <summary>Section "FederalWebhook": the secret shared with the federal office (a Key Vault reference in Azure) and the replay window.</summary>
public sealed class FederalWebhookSettings
{
    public const string Section = "FederalWebhook";

    /// <summary>The HMAC key; at least <see cref="FederalWebhookSignature.MinSecretLength"/> characters.</summary>
    public string? Secret { get; set; }

    /// <summary>How far the signed timestamp may lie from now, either way.</summary>
    public TimeSpan ReplayWindow { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>
/// Authenticates a call to the federal webhook (<see cref="Http.WebhookSignature"/>): header <see cref="TimestampHeader"/>
/// carries the Unix time of signing, header <see cref="SignatureHeader"/> the HMAC. Without a secret, or with one too
/// short to be safe, every call is refused.
/// </summary>
public sealed class FederalWebhookSignature(IOptions<FederalWebhookSettings> settings, TimeProvider time)
{
    public const string TimestampHeader = "X-Federal-Timestamp";
    public const string SignatureHeader = "X-Federal-Signature";
    public const int MinSecretLength = Http.WebhookSignature.MinSecretLength;

    /// <summary>Null when the call is authentic; otherwise why not (for the 401 problem: no secret material in it).</summary>
    public string? Check(ReadOnlySpan<byte> body, string? timestamp, string? signature) =>
        Http.WebhookSignature.Check(
            body, timestamp, signature, settings.Value.Secret, settings.Value.ReplayWindow, time.GetUtcNow(), TimestampHeader, SignatureHeader, "federal webhook");

    /// <summary>The headers for a body signed now: what the federal office (or a test, or scripts/federal-webhook.sh) sends.</summary>
    public static (string Timestamp, string Signature) Sign(ReadOnlySpan<byte> body, string secret, DateTimeOffset at) =>
        Http.WebhookSignature.Sign(body, secret, at);
}
