namespace Workflow.Orchestrations.Ports;

/// <summary>
/// What an exclusion says (§2.1): the party may not apply from <paramref name="From"/> until <paramref name="Until"/>
/// (open-ended when null), for <paramref name="ReasonCode"/>, by the sanction decision <paramref name="DecisionReference"/>.
/// </summary>
public sealed record ExclusionTerms(DateOnly From, DateOnly? Until, string ReasonCode, string DecisionReference)
{
    public bool CoversDate(DateOnly date) => this.From <= date && (this.Until is null || date <= this.Until);
}
