namespace Workflow.Orchestrations.Ports;

/// <summary>Who an exclusion bars from the application procedure (§2.1: "tot op het niveau van de bestuurder").</summary>
public enum ExcludedParty
{
    /// <summary>The employer, by KBO number.</summary>
    Employer,

    /// <summary>A director, by INSZ or BIS number; the registry's tables know the number only as a keyed fingerprint (<see cref="IPartyFingerprint"/>).</summary>
    Director,
}

/// <summary>
/// The registry of excluded employers and directors, as admissibility reads it for the employer and every current
/// director. Parties are named by their <see cref="PartyKeys"/> (a KBO number, or a director's fingerprint), never by
/// a person number in clear. Entries are recorded through the registry's four-eyes commands (the application layer).
/// </summary>
public interface IExclusionRegistry
{
    /// <summary>
    /// The exclusions of any of <paramref name="partyKeys"/> in force as the registry stood at <paramref name="asOf"/>:
    /// confirmed by a second person by then, not lifted by then, with their terms (as corrected by then) covering the
    /// Belgian date of <paramref name="asOf"/>. The same instant always gives the same answer, however late it is asked.
    /// </summary>
    Task<IReadOnlyList<ExclusionInForce>> FindInForceAsync(IReadOnlyCollection<string> partyKeys, DateTimeOffset asOf, CancellationToken cancellationToken);
}
