using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Workflow.Application.Http;

/// <summary>
/// The signature every inbound webhook of the platform uses (the federal office, the payment provider): a header with
/// the Unix time of signing and a header with <c>sha256=</c> + the lowercase hex HMAC-SHA256, under the shared secret, of
/// <c>{timestamp}.{raw body}</c>. Compared in constant time; a timestamp outside the replay window is refused; a replay
/// inside it is harmless (the command records answer a message id they know without acting again).
/// </summary>
public static class WebhookSignature
{
    public const int MinSecretLength = 32;

    const string Scheme = "sha256=";

    /// <summary>Null when the call is authentic; otherwise why not (no secret material in it).</summary>
    public static string? Check(
        ReadOnlySpan<byte> body, string? timestamp, string? signature, string? secret, TimeSpan replayWindow, DateTimeOffset now, string timestampHeader, string signatureHeader, string what)
    {
        if (secret is not { Length: >= MinSecretLength })
        {
            return $"The {what} is not configured on this host (no shared secret).";
        }

        if (timestamp is null || signature is null)
        {
            return $"Sign the call: headers {timestampHeader} (Unix seconds) and {signatureHeader} (sha256=<hex HMAC-SHA256 of \"{{timestamp}}.{{body}}\">).";
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out long seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            || (now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > replayWindow)
        {
            return $"The signed timestamp is missing, malformed or outside the {replayWindow.TotalMinutes:0}-minute window.";
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

    /// <summary>The two header values for a body signed at <paramref name="at"/>.</summary>
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
