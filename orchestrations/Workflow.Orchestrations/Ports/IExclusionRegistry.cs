namespace Workflow.Orchestrations.Ports;

/// <summary>Who an exclusion bars from the application procedure (§2.1: "tot op het niveau van de bestuurder").</summary>
public enum ExcludedParty
{
    /// <summary>The employer, by KBO number.</summary>
    Employer,

    /// <summary>A director, by the opaque director reference KBO gives (not a name or national number).</summary>
    Director,
}

/// <summary>
/// An exclusion after earlier violations (§2.1): the party may not apply from <paramref name="From"/> until
/// <paramref name="Until"/> (open-ended when null). <paramref name="DecisionReference"/> points to the sanction decision.
/// </summary>
public sealed record Exclusion(ExcludedParty Party, string PartyReference, DateOnly From, DateOnly? Until, string ReasonCode, string DecisionReference)
{
    public bool InForceOn(DateOnly date) => this.From <= date && (this.Until is null || date <= this.Until);
}

/// <summary>The registry of excluded employers and directors, checked at admissibility for the employer and every current director.</summary>
public interface IExclusionRegistry
{
    /// <summary>The exclusions in force on <paramref name="onDate"/> for any of the given parties.</summary>
    Task<IReadOnlyList<Exclusion>> FindInForceAsync(IReadOnlyCollection<string> partyReferences, DateOnly onDate, CancellationToken cancellationToken);

    /// <summary>Records an exclusion; the same party, start and decision again changes nothing.</summary>
    Task AddAsync(Exclusion exclusion, CancellationToken cancellationToken);

    Task<IReadOnlyList<Exclusion>> ListAsync(CancellationToken cancellationToken);
}
