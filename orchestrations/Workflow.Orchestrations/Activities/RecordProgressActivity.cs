using Microsoft.DurableTask;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Ports;

namespace Workflow.Orchestrations.Activities;

/// <summary>A step to record: always in the audit log; in the case index too when the application's state changed.</summary>
public sealed record ProgressRecord(AuditEntry Audit, CaseSnapshot? Snapshot);

/// <summary>
/// Version 1.0's step recorder (version 2.0 uses <see cref="RecordTransitionActivity"/>): writes the audit entry and the
/// case-index row of a step, the snapshot turned into the case shape every reader knows, and the dashboard's facts of
/// that case. Every write is idempotent.
/// </summary>
public sealed class RecordProgressActivity(IAuditLog auditLog, ICaseIndex caseIndex, ICaseFacts caseFacts, Policy.PolicyCatalog policy) : TaskActivity<ProgressRecord, string>
{
    public override async Task<string> RunAsync(TaskActivityContext context, ProgressRecord input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Snapshot is not null)
        {
            // The step's time is its episode's (the workflow's clock), which orders the records as in version 2 (RecordOrder).
            Cases.PermitCase state = Workflows.PermitApplication.V1.Version1Cases.ToCase(input.Snapshot, policy) with { RecordedAt = input.Audit.At };
            await caseIndex.UpsertAsync(state, CancellationToken.None);
            await caseFacts.RecordAsync(Cases.CaseFacts.Of(state), CancellationToken.None);
        }

        await auditLog.AppendAsync(input.Audit, CancellationToken.None);
        return input.Audit.Key;
    }
}
