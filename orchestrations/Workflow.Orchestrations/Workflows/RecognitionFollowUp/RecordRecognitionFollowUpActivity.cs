using Microsoft.DurableTask;
using Workflow.Orchestrations.Activities;
using Workflow.Orchestrations.Cases;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Ports;

namespace Workflow.Orchestrations.Workflows.RecognitionFollowUp;

/// <summary>
/// Carries out one transition of a follow-up: first its alerts (through the outbox, keyed application + milestone, and
/// recorded as published), then the fates of its commands and the follow-up's record (ordered by its episode's time and
/// revision, <see cref="RecordOrder"/>), last its timeline rows in the application's audit log. Every write is idempotent
/// on its own key, so a retry repeats nothing.
/// </summary>
public sealed class RecordRecognitionFollowUpActivity(
    IAlertPublisher alerts, ICommandOutcomes commands, IRecognitionFollowUps followUps, IAuditLog auditLog, TimeProvider time)
    : TaskActivity<RecognitionFollowUpRecord, int>
{
    public override async Task<int> RunAsync(TaskActivityContext context, RecognitionFollowUpRecord input)
    {
        ArgumentNullException.ThrowIfNull(input);
        CancellationToken none = CancellationToken.None;
        foreach (SlaAlert alert in input.Alerts)
        {
            await PublishAlertActivity.PublishAsync(alerts, auditLog, alert, time.GetUtcNow(), none);
        }

        foreach (CommandSettlement settlement in input.Settlements)
        {
            await commands.SettleAsync(input.ApplicationId, settlement, input.At, none);
        }

        if (input.State is not null)
        {
            await followUps.RecordAsync(input.State, none);
        }

        await auditLog.AppendAllAsync(CaseStep.AuditEntries(input.ApplicationId, input.At, input.Steps), none);

        return input.Steps.Count;
    }
}
