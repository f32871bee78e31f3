namespace Workflow.Adapters.Parties;

/// <summary>The outside parties as this host serves them, real and simulated: for the start log and <c>/healthz</c>.</summary>
public sealed class WiredParties(IServiceProvider services, SimulationSettings simulations)
{
    readonly Lazy<IReadOnlyList<WiredParty>> parties = new(() => OutsideParties.Describe(services, simulations));

    public IReadOnlyList<WiredParty> All => this.parties.Value;

    public IReadOnlyList<string> Real => [.. this.All.Where(p => !p.Simulated).Select(p => p.Party)];

    public IReadOnlyList<string> Simulated => [.. this.All.Where(p => p.Simulated).Select(p => p.Party)];

    /// <summary>What <c>/healthz</c> answers: no secrets, no settings, only which parties are real and which simulated.</summary>
    public object Health() => new
    {
        status = "ok",
        parties = new
        {
            real = this.Real,
            simulated = this.Simulated,
            adapters = this.All.ToDictionary(p => p.Party, p => p.Adapter, StringComparer.Ordinal),
        },
    };
}
