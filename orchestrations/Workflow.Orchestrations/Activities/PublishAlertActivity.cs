using System.Globalization;
using Microsoft.DurableTask;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Ports;

namespace Workflow.Orchestrations.Activities;

/// <summary>
/// Publishes an SLA or deadline alert through the outbox, keyed by application id + milestone, and records in the
/// audit log that it went out (keyed the same way, so once). The record is written here, with the effect, and not
/// only by the workflow: an execution whose history was lost in a crash can have published an alert that the
/// replayed history never fires (its messages arrived in another order); the timeline must still show it.
/// </summary>
public sealed class PublishAlertActivity(IAlertPublisher alerts, IAuditLog auditLog, TimeProvider time) : TaskActivity<SlaAlert, string>
{
    public const string PublishedEvent = "alert-published";

    public override async Task<string> RunAsync(TaskActivityContext context, SlaAlert input)
    {
        ArgumentNullException.ThrowIfNull(input);
        await alerts.PublishAsync(input, CancellationToken.None);
        string milestone = Codes.Of(input.Milestone);
        await auditLog.AppendAsync(
            new AuditEntry(
                input.ApplicationId,
                $"alert-{milestone}",
                time.GetUtcNow(), // real time, as every audit entry (the alert's own times are policy times)
                PublishedEvent,
                Actors.System,
                new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["milestone"] = milestone,
                    ["audience"] = Codes.Of(input.Audience),
                    ["milestoneAt"] = input.MilestoneAt.ToString("O", CultureInfo.InvariantCulture),
                }),
            CancellationToken.None);
        return input.IdempotencyKey;
    }
}
