namespace Workflow.Orchestrations.Ports;

/// <summary>
/// How the exclusion registry names a party, the same for the commands that record exclusions and for admissibility:
/// an employer by its KBO number ("employer:0200000538", not personal data), a director by the fingerprint of their
/// person number ("director:" + hex), never the number itself.
/// </summary>
public static class PartyKeys
{
    const string EmployerPrefix = "employer:";
    const string DirectorPrefix = "director:";
    const string WorkerPrefix = "worker:";

    /// <summary>The key of an employer by its canonical (10-digit) KBO number.</summary>
    public static string Employer(string kbo) => EmployerPrefix + kbo;

    /// <summary>The key of a director by their canonical (11-digit) INSZ or BIS number.</summary>
    public static string Director(IPartyFingerprint fingerprint, string canonicalPersonNumber)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        return DirectorPrefix + fingerprint.OfPersonNumber(canonicalPersonNumber);
    }

    /// <summary>
    /// The key of the worker with <paramref name="personNumber"/> (an INSZ or BIS number, separators allowed): the
    /// register's reference and the worker's own index; null when it is not a valid number.
    /// </summary>
    public static string? WorkerOf(IPartyFingerprint fingerprint, string? personNumber)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        return Domain.Identifiers.PersonNumber.Check(personNumber).IsValid && Domain.Identifiers.PersonNumber.Normalize(personNumber) is string number
            ? WorkerPrefix + fingerprint.OfPersonNumber(number)
            : null;
    }

    /// <summary>The KBO number in an employer's key; null for a director's (whose number is not in the key).</summary>
    public static string? EmployerKbo(string partyKey)
    {
        ArgumentNullException.ThrowIfNull(partyKey);
        return partyKey.StartsWith(EmployerPrefix, StringComparison.Ordinal) ? partyKey[EmployerPrefix.Length..] : null;
    }
}
