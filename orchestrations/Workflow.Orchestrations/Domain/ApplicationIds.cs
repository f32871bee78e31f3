using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Workflow.Orchestrations.Domain;

/// <summary>
/// The application id, which is also the workflow's instance id (docs/design.md#instance-id): derived deterministically from the
/// applicant key (the employer's KBO number, or the self-employed applicant's reference) and the client's submission id.
/// It is a hash, so it carries no personal data, and it uses a restricted alphabet ("wp-" + lowercase base32).
/// </summary>
public static class ApplicationIds
{
    public const string Prefix = "wp-";

    /// <summary>Length of an id: the prefix plus 26 base32 characters (130 bits of the SHA-256).</summary>
    public const int Length = 29;

    const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    static readonly SearchValues<char> AlphabetValues = SearchValues.Create(Alphabet);

    /// <summary>The applicant key: the employer's KBO number, or "self:" + the self-employed applicant's reference.</summary>
    public static string ApplicantKey(string? employerKbo, string? selfEmployedReference) =>
        employerKbo ?? $"self:{selfEmployedReference}";

    public static string Derive(string applicantKey, string submissionId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(applicantKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(submissionId);
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{applicantKey}\n{submissionId}"));
        return Prefix + Base32(hash.AsSpan(0, 17))[..26];
    }

    /// <summary>Whether <paramref name="value"/> has the shape of an application id (used to reject junk early).</summary>
    public static bool IsWellFormed(string? value) =>
        value is { Length: Length } && value.StartsWith(Prefix, StringComparison.Ordinal)
        && value.AsSpan(Prefix.Length).IndexOfAnyExcept(AlphabetValues) < 0;

    static string Base32(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder((bytes.Length * 8 + 4) / 5);
        int buffer = 0, bits = 0;
        foreach (byte b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                text.Append(Alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }

        if (bits > 0)
        {
            text.Append(Alphabet[(buffer << (5 - bits)) & 31]);
        }

        return text.ToString();
    }
}
