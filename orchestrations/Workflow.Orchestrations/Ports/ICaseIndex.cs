using Workflow.Orchestrations.Cases;

namespace Workflow.Orchestrations.Ports;

/// <summary>A page of cases and the token for the next page (null on the last).</summary>
public sealed record CasePage(IReadOnlyList<PermitCase> Cases, string? Continuation);

/// <summary>
/// One row per application: the case as the workflow last recorded it (an idempotent upsert; an older revision never
/// overwrites a newer one). Worklist, dashboards, status queries and the API's admission checks read it, never the task hub.
/// </summary>
public interface ICaseIndex
{
    Task UpsertAsync(PermitCase state, CancellationToken cancellationToken);

    Task<PermitCase?> GetAsync(string applicationId, CancellationToken cancellationToken);

    /// <summary>
    /// The worklist: applications whose caseworker decision is open, nearest due date first (as the due date stood at
    /// the case's last change; untracked ones last), one page at a time, from an index kept in that order.
    /// </summary>
    Task<CasePage> ListWorklistAsync(int pageSize, string? continuation, CancellationToken cancellationToken);

    /// <summary>Applications whose workflow closed (retention looks for those closed long enough ago).</summary>
    Task<IReadOnlyList<PermitCase>> ListClosedAsync(CancellationToken cancellationToken);
}
