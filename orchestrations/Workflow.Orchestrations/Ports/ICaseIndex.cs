using Workflow.Orchestrations.Contracts;

namespace Workflow.Orchestrations.Ports;

/// <summary>
/// One row per application, updated at every stage change (an idempotent upsert; an older revision never overwrites a
/// newer one). Worklist, dashboards and status queries read it, never the task hub.
/// </summary>
public interface ICaseIndex
{
    Task UpsertAsync(CaseSnapshot snapshot, CancellationToken cancellationToken);

    Task<CaseSnapshot?> GetAsync(string applicationId, CancellationToken cancellationToken);

    /// <summary>Applications whose caseworker decision is open.</summary>
    Task<IReadOnlyList<CaseSnapshot>> ListAwaitingDecisionAsync(CancellationToken cancellationToken);

    /// <summary>Applications whose workflow closed (retention looks for those closed long enough ago).</summary>
    Task<IReadOnlyList<CaseSnapshot>> ListClosedAsync(CancellationToken cancellationToken);
}
