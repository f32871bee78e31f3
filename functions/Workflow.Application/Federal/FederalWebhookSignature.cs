using System.Globalization;
using System.Security.Cryptography;
using System.Text;
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
/// Authenticates a call to the federal webhook: header <see cref="TimestampHeader"/> carries the Unix time of signing,
/// header <see cref="SignatureHeader"/> carries <c>sha256=</c> + the lowercase hex HMAC-SHA256, under the shared secret,
/// of <c>{timestamp}.{raw body}</c>. The comparison is constant-time; a timestamp outside the replay window is refused,
/// and a replay inside it is harmless (the handler and the workflow drop a message id they have seen). Without a
/// secret, or with one too short to be safe, every call is refused.
/// </summary>
public sealed class FederalWebhookSignature(IOptions<FederalWebhookSettings> settings, TimeProvider time)
{
    public const string TimestampHeader = "X-Federal-Timestamp";
    public const string SignatureHeader = "X-Federal-Signature";
    public const int MinSecretLength = 32;

    const string Scheme = "sha256=";

    /// <summary>Null when the call is authentic; otherwise why not (for the 401 problem: no secret material in it).</summary>
    public string? Check(ReadOnlySpan<byte> body, string? timestamp, string? signature)
    {
        FederalWebhookSettings value = settings.Value;
        if (value.Secret is not { Length: >= MinSecretLength } secret)
        {
            return "The federal webhook is not configured on this host (no shared secret).";
        }

        if (timestamp is null || signature is null)
        {
            return $"Sign the call: headers {TimestampHeader} (Unix seconds) and {SignatureHeader} (sha256=<hex HMAC-SHA256 of \"{{timestamp}}.{{body}}\">).";
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out long seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            || (time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > value.ReplayWindow)
        {
            return $"The signed timestamp is missing, malformed or outside the {value.ReplayWindow.TotalMinutes:0}-minute window.";
        }

        byte[] given;
        try
        {
            given = signature.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) ? Convert.FromHexString(signature.AsSpan(Scheme.Length).Trim()) : [];
        }
        catch (FormatException)
        {
            given = [];
        }

        return CryptographicOperations.FixedTimeEquals(Mac(secret, timestamp, body), given) ? null : "The signature does not match.";
    }

    /// <summary>The headers for a body signed now: what the federal office (or a test, or scripts/federal-webhook.sh) sends.</summary>
    public static (string Timestamp, string Signature) Sign(ReadOnlySpan<byte> body, string secret, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        string timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return (timestamp, Scheme + Convert.ToHexStringLower(Mac(secret, timestamp, body)));
    }

    static byte[] Mac(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        byte[] prefix = Encoding.ASCII.GetBytes(timestamp + ".");
        byte[] message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message);
    }
}
