using Microsoft.DurableTask;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Ports;

namespace Workflow.Orchestrations.Activities;

/// <summary>A step to record: always in the audit log; in the case index too when the application's state changed.</summary>
public sealed record ProgressRecord(AuditEntry Audit, CaseSnapshot? Snapshot);

/// <summary>
/// Version 1.0's step recorder (version 2.0 uses <see cref="RecordTransitionActivity"/>): writes the audit entry and the
/// case-index row of a step, the snapshot turned into the case shape every reader knows. Both writes are idempotent.
/// </summary>
public sealed class RecordProgressActivity(IAuditLog auditLog, ICaseIndex caseIndex, Policy.PolicyCatalog policy) : TaskActivity<ProgressRecord, string>
{
    public override async Task<string> RunAsync(TaskActivityContext context, ProgressRecord input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Snapshot is not null)
        {
            await caseIndex.UpsertAsync(Workflows.PermitApplication.V1.Version1Cases.ToCase(input.Snapshot, policy), CancellationToken.None);
        }

        await auditLog.AppendAsync(input.Audit, CancellationToken.None);
        return input.Audit.Key;
    }
}
