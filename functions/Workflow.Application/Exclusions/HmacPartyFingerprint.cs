using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Workflow.Orchestrations.Domain.Identifiers;
using Workflow.Orchestrations.Ports;

namespace Workflow.Application.Exclusions;

/// <summary>
/// The fingerprint of a director's person number: HMAC-SHA256 over its 11 digits with <see cref="ExclusionSettings.DirectorKey"/>.
/// Keyed, because INSZ numbers are few enough to try them all against a plain hash.
/// </summary>
public sealed class HmacPartyFingerprint : IPartyFingerprint
{
    readonly byte[] key;

    public HmacPartyFingerprint(IOptions<ExclusionSettings> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        this.key = ExclusionSettings.KeyBytes(settings.Value.DirectorKey);
    }

    public string OfPersonNumber(string canonicalPersonNumber)
    {
        if (canonicalPersonNumber is not { Length: 11 } || PersonNumber.Normalize(canonicalPersonNumber) != canonicalPersonNumber)
        {
            throw new ArgumentException("A canonical person number is 11 digits.", nameof(canonicalPersonNumber));
        }

        return Convert.ToHexStringLower(HMACSHA256.HashData(this.key, Encoding.ASCII.GetBytes(canonicalPersonNumber)));
    }
}
