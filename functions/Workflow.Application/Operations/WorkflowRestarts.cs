using System.Globalization;
using DurableTask.Core.Exceptions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflow.Application.Access;
using Workflow.Application.Commands;
using Workflow.Application.Ports;
using Workflow.Application.Queries;
using Workflow.Application.Validation;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Ports;

namespace Workflow.Application.Operations;

/// <summary>
/// Restarts a failed workflow (an activity that kept failing, since fixed), audited with who and why. It schedules the
/// instance again under its id, with its original input and workflow version, overwriting the failed run only (the
/// dedupe statuses name every other status): what the client's <c>RestartAsync</c> does, which the local sidecar
/// implements without the instance's tags (its status reads then fail), and neither sidecar offers a rewind. The case
/// runs again from its submission, every effect idempotent on its key, so nothing done before is done twice. The messages it had received are in the commands table, so they are raised
/// again, oldest first, once the new run is under way. The case index follows the new run from its first record (its
/// episodes are later than the failed run's, <see cref="Orchestrations.Cases.RecordOrder"/>): while the run catches up
/// on those messages the case shows its earlier stages, and a command the index does not admit yet is refused with its
/// reason. Only a failed workflow is restarted: a running one is never overwritten.
/// </summary>
public sealed class WorkflowRestarts(DurableTaskClient client, CommandGate gate, ICommandLedger commands, ICaseIndex caseIndex, IAuditLog auditLog, TimeProvider time)
{
    /// <summary>Every status but Failed: the new run may replace a failed one only.</summary>
    static readonly OrchestrationRuntimeStatus[] AllButFailed =
        [.. StartOrchestrationOptionsExtensions.ValidDedupeStatuses.Where(s => s != OrchestrationRuntimeStatus.Failed)];

    public const string AuditEvent = "workflow-restarted";

    public const int MaxReasonLength = 500;

    /// <summary>How long the restart waits for the new run to begin before raising the recorded messages on it.</summary>
    static readonly TimeSpan StartWait = TimeSpan.FromSeconds(30);

    public async Task<CommandResult> RestartAsync(string applicationId, RestartRequest request, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(actor);
        var errors = new ValidationErrors();
        TextRules.FreeText(errors, "reason", request.Reason, MaxReasonLength);
        if (!errors.IsValid)
        {
            return CommandResult.Invalid(errors);
        }

        OrchestrationMetadata? instance = ApplicationIds.IsWellFormed(applicationId)
            ? await client.GetInstanceAsync(applicationId, getInputsAndOutputs: true, cancellationToken)
            : null;
        if (instance is null)
        {
            return new CommandResult(CommandStatus.NotFound, $"There is no workflow for application {(ApplicationIds.IsWellFormed(applicationId) ? applicationId : "(not an application id)")}.");
        }

        if (instance.RuntimeStatus != OrchestrationRuntimeStatus.Failed)
        {
            return CommandResult.Conflict($"Only a failed workflow is restarted; the workflow of application {applicationId} is {instance.RuntimeStatus}.");
        }

        IReadOnlyList<CommandRecord> received = await this.ReceivedAsync(applicationId, cancellationToken);
        PermitApplicationInput? input = instance.ReadInputAs<PermitApplicationInput>();
        if (input is null)
        {
            return new CommandResult(CommandStatus.Unprocessable, $"The failed workflow of application {applicationId} kept no input to start again from (its history was purged?).");
        }

        string? version = (await caseIndex.GetAsync(applicationId, cancellationToken))?.WorkflowVersion;
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(
                instance.Name,
                input,
                new StartOrchestrationOptions(applicationId) { Version = version is null ? null : new TaskVersion(version) }.WithDedupeStatuses(AllButFailed),
                cancellationToken);
        }
        catch (OrchestrationAlreadyExistsException)
        {
            return CommandResult.Conflict($"The workflow of application {applicationId} is no longer failed: another restart came first.");
        }

        // The new run is scheduled: what follows must finish even if the caller goes away, since a retried restart
        // finds the workflow no longer failed (409) and would never raise its messages again.
        cancellationToken = CancellationToken.None;
        DateTimeOffset at = time.GetUtcNow();
        string? failure = instance.FailureDetails?.ErrorType; // not every engine reports it
        await auditLog.AppendAsync(
            new AuditEntry(
                applicationId,
                $"op-restart-{at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}",
                at,
                AuditEvent,
                actor.Role,
                new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["reason"] = request.Reason!,
                    ["failure"] = failure ?? "not reported",
                    // Those the failed run had received; the receipt counts those raised, with any that came in meanwhile.
                    ["commandsRaisedAgain"] = received.Count.ToString(CultureInfo.InvariantCulture),
                },
                actor.Subject,
                actor.Name),
            cancellationToken);

        // Raised once the new run runs: an event that reaches a run still pending may be discarded. Listed again then, so
        // a command that came in while the run was pending (raised as to a running workflow, since the case index holds
        // the case) is raised again too; the workflow acts on a message once.
        await InstanceWaits.UntilAsync(
            client, applicationId, now => now is not null && now.RuntimeStatus is not (OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Pending), StartWait, time, cancellationToken);
        IReadOnlyList<CommandRecord> raised = await this.ReceivedAsync(applicationId, cancellationToken);
        foreach (CommandRecord command in raised)
        {
            await gate.RaiseAsync(command, cancellationToken);
        }

        return CommandResult.Accepted(new RestartReceipt(applicationId, ApplicationQueries.StatusUrl(applicationId), failure, raised.Count));
    }

    /// <summary>The commands whose events the workflow was sent or is about to be sent (recorded, pending or accepted), oldest first.</summary>
    async Task<IReadOnlyList<CommandRecord>> ReceivedAsync(string applicationId, CancellationToken cancellationToken) =>
        [.. (await commands.ListAsync(applicationId, null, cancellationToken))
            .Where(c => c.EventName is not null && c.Fate is CommandFate.Recorded or CommandFate.Pending or CommandFate.Accepted)
            .OrderBy(c => c.ReceivedAt)];
}
