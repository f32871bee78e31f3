namespace Workflow.Orchestrations.Ports;

/// <summary>
/// A keyed fingerprint of a person number (HMAC-SHA256 with a key of the deployment), so the exclusion registry can
/// find a director by INSZ or BIS number without keeping the number: without the key, a fingerprint cannot be
/// turned back into the number by trying every possible one.
/// </summary>
public interface IPartyFingerprint
{
    /// <summary>The fingerprint (lowercase hex) of a canonical person number (its 11 digits, as <see cref="Domain.Identifiers.PersonNumber.Normalize"/> gives them).</summary>
    string OfPersonNumber(string canonicalPersonNumber);
}
