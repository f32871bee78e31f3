using Microsoft.Extensions.Hosting;
using Workflow.Application.Access;
using Workflow.Application.Exclusions;
using Workflow.Application.Ports;
using Workflow.Orchestrations.Ports;

namespace Workflow.Adapters.Simulated;

/// <summary>
/// Seeds the exclusion registry with the simulated pattern employers (an excluded employer, and a clean employer with
/// an excluded director), so the admissibility bar of §2.1 can be seen locally: each proposed by "simulation" and
/// confirmed by "simulation-second", as four eyes want it. Idempotent (the entries' slots are taken after the first
/// start); runs at start-up.
/// </summary>
public sealed class SimulatedExclusions(IExclusionLedger ledger, IExcludedPersons persons, IPartyFingerprint fingerprints, TimeProvider time) : IHostedService
{
    public const string ExcludedEmployerId = "SIM-EXCLUSION-0001";
    public const string ExcludedDirectorId = "SIM-EXCLUSION-0002";

    public static Actor Author { get; } = new("system", "simulation", null);

    public static Actor Confirmer { get; } = new("system", "simulation-second", null);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        DateTimeOffset now = time.GetUtcNow();
        await this.SeedAsync(
            new ExclusionProposed(
                ExcludedEmployerId,
                ExcludedParty.Employer,
                PartyKeys.Employer(SimulatedAuthenticSources.PatternEmployers.Excluded),
                new ExclusionTerms(new DateOnly(2025, 1, 1), new DateOnly(2029, 12, 31), "illegal-employment", "SIM-SANCTION-0001"),
                Author,
                now),
            cancellationToken);

        string director = SimulatedAuthenticSources.PatternEmployers.ExcludedDirectorInsz;
        await this.SeedAsync(
            new ExclusionProposed(
                ExcludedDirectorId,
                ExcludedParty.Director,
                PartyKeys.Director(fingerprints, director),
                new ExclusionTerms(new DateOnly(2025, 6, 1), null, "economic-hub", "SIM-SANCTION-0002"),
                Author,
                now),
            cancellationToken);
        await persons.SaveAsync(new ExcludedPerson(ExcludedDirectorId, director), cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    async Task SeedAsync(ExclusionProposed proposal, CancellationToken cancellationToken)
    {
        LedgerAppend proposed = await ledger.AppendAsync(proposal, cancellationToken);
        await ledger.AppendAsync(new ExclusionConfirmed(proposal.ExclusionId, Confirmer, proposed.Stored.At), cancellationToken);
    }
}
