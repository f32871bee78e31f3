using Microsoft.DurableTask;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Ports;

namespace Workflow.Orchestrations.Activities;

/// <summary>A step to record: always in the audit log; in the case index too when the application's state changed.</summary>
public sealed record ProgressRecord(AuditEntry Audit, CaseSnapshot? Snapshot);

/// <summary>Writes the audit entry and the case-index row of a step. Both writes are idempotent, so retries are safe.</summary>
public sealed class RecordProgressActivity(IAuditLog auditLog, ICaseIndex caseIndex) : TaskActivity<ProgressRecord, string>
{
    public override async Task<string> RunAsync(TaskActivityContext context, ProgressRecord input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Snapshot is not null)
        {
            await caseIndex.UpsertAsync(input.Snapshot, CancellationToken.None);
        }

        await auditLog.AppendAsync(input.Audit, CancellationToken.None);
        return input.Audit.Key;
    }
}
