using Microsoft.Extensions.Hosting;
using Workflow.Orchestrations.Ports;

namespace Workflow.Adapters.Simulated;

/// <summary>
/// Seeds the exclusion registry with the simulated pattern employers (an excluded employer, and a clean employer with
/// an excluded director), so the admissibility bar of §2.1 can be seen locally. Idempotent; runs at start-up.
/// </summary>
public sealed class SimulatedExclusions(IExclusionRegistry registry) : IHostedService
{
    public static IReadOnlyList<Exclusion> Seed { get; } =
    [
        new(ExcludedParty.Employer, SimulatedAuthenticSources.PatternEmployers.Excluded, new DateOnly(2025, 1, 1), new DateOnly(2029, 12, 31), "illegal-employment", "SIM-SANCTION-0001"),
        new(ExcludedParty.Director, SimulatedAuthenticSources.PatternEmployers.ExcludedDirectorReference, new DateOnly(2025, 6, 1), null, "economic-hub", "SIM-SANCTION-0002"),
    ];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (Exclusion exclusion in Seed)
        {
            await registry.AddAsync(exclusion, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
