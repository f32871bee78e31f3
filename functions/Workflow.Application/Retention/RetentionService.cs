using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Workflow.Application.Ports;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Ports;

namespace Workflow.Application.Retention;

/// <summary>What one retention run did.</summary>
public sealed record RetentionRun(int HistoriesPurged, int DossiersDeleted);

/// <summary>
/// Purges orchestration history of finished instances after <see cref="RetentionSettings.HistoryAfter"/> and deletes
/// dossiers of applications closed for <see cref="RetentionSettings.DossierAfter"/>; keeps the audit log and the case
/// index, and records each deletion in the audit log. Safe to run again and from several hosts: every step is
/// idempotent. Run by a timer in both hosts (<see cref="RetentionJob"/> locally, a timer function in Azure).
/// </summary>
public sealed partial class RetentionService(
    DurableTaskClient client,
    ICaseIndex caseIndex,
    IDossierStore dossiers,
    IDocumentStaging staging,
    IAuditLog auditLog,
    IOptions<RetentionSettings> settings,
    TimeProvider time,
    ILogger<RetentionService> logger)
{
    /// <summary>How long staged document content may wait for its request: far longer than any request takes.</summary>
    static readonly TimeSpan StagingLifetime = TimeSpan.FromHours(1);

    static readonly OrchestrationRuntimeStatus[] Finished =
        [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated];

    public async Task<RetentionRun> RunAsync(CancellationToken cancellationToken)
    {
        DateTimeOffset now = time.GetUtcNow();
        // An explicit lower bound: the local sidecar cannot read a filter without one.
        PurgeResult purged = await client.PurgeAllInstancesAsync(
            new PurgeInstancesFilter(CreatedFrom: DateTimeOffset.UnixEpoch, CreatedTo: now - settings.Value.HistoryAfter, Statuses: Finished),
            cancellationToken);

        int dossiersDeleted = 0;
        DateTimeOffset dossierCutoff = now - settings.Value.DossierAfter;
        foreach (Orchestrations.Cases.PermitCase closed in await caseIndex.ListClosedAsync(cancellationToken))
        {
            if (closed.ClosedAt is not DateTimeOffset closedAt || closed.Clock().ToReal(closedAt) > dossierCutoff)
            {
                continue;
            }

            int items = await dossiers.DeleteAsync(closed.ApplicationId, cancellationToken);
            if (items > 0)
            {
                dossiersDeleted++;
                await auditLog.AppendAsync(
                    new AuditEntry(
                        closed.ApplicationId,
                        "retention-dossier-deleted",
                        now,
                        "dossier-deleted",
                        Actors.System,
                        new Dictionary<string, string>(StringComparer.Ordinal) { ["items"] = items.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
                    cancellationToken);
            }
        }

        // Document contents staged by requests that died before they were answered (a request lasts minutes at most).
        int staged = await staging.DiscardStaleAsync(now - StagingLifetime, cancellationToken);

        LogRun(logger, purged.PurgedInstanceCount, dossiersDeleted, staged);
        return new RetentionRun(purged.PurgedInstanceCount, dossiersDeleted);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: purged the history of {Histories} instances, deleted {Dossiers} dossiers and {Staged} stale staged documents")]
    static partial void LogRun(ILogger logger, int histories, int dossiers, int staged);
}
