using Workflow.Adapters.Simulated;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Ports;

namespace Workflow.FunctionalTests.Infrastructure;

/// <summary>
/// The authentic sources as a host-registered adapter (in place of the opted-in simulation) that fails while
/// <see cref="Broken"/> is set: an outside party that is down, then repaired. The data are the simulation's.
/// </summary>
internal sealed class SwitchableAuthenticSources : IAuthenticSources
{
    public volatile bool Broken = true;

    public int Calls;

    public Task<AuthenticSourceOverview> GatherAsync(ApplicationDossier dossier, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        Interlocked.Increment(ref this.Calls);
        if (this.Broken)
        {
            throw new InvalidOperationException("The authentic sources are unavailable (injected by the test).");
        }

        DateTimeOffset now = DateTimeOffset.UtcNow;
        return Task.FromResult(new AuthenticSourceOverview(dossier.ApplicationId, now, SimulatedAuthenticSources.Gather(7, dossier, now)));
    }
}
