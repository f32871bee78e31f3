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
        await PublishAsync(alerts, auditLog, input, time.GetUtcNow(), CancellationToken.None);
        return input.IdempotencyKey;
    }

    /// <summary>Publishes the alert and records its publication (both keyed by application and milestone); shared with <see cref="RecordTransitionActivity"/>.</summary>
    internal static async Task PublishAsync(IAlertPublisher alerts, IAuditLog auditLog, SlaAlert alert, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await alerts.PublishAsync(alert, cancellationToken);
        string milestone = Codes.Of(alert.Milestone);
        await auditLog.AppendAsync(
            new AuditEntry(
                alert.ApplicationId,
                $"alert-{milestone}",
                now, // real time, as every audit entry (the alert's own times are policy times)
                PublishedEvent,
                Actors.System,
                new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["milestone"] = milestone,
                    ["audience"] = Codes.Of(alert.Audience),
                    ["milestoneAt"] = alert.MilestoneAt.ToString("O", CultureInfo.InvariantCulture),
                }),
            cancellationToken);
    }
}
