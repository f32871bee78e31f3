using Microsoft.DurableTask;
using Workflow.Orchestrations.Cases;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Letters;
using Workflow.Orchestrations.Ports;
using Workflow.Orchestrations.Register;
using Workflow.Orchestrations.Telemetry;

namespace Workflow.Orchestrations.Activities;

/// <summary>
/// One transition of a case to carry out (since workflow 2.2 possibly several taken together: the messages that had
/// arrived by then): its effects, and its new state when it changed. <paramref name="At"/> is real time.
/// <paramref name="EntersStage"/>: the new state's stage is not the one recorded before (for the metrics; false in
/// records written before it existed). <paramref name="PassedStages"/>: stages entered and left again by the transitions
/// taken together in this record, in order (for the metrics; null when none).
/// </summary>
public sealed record TransitionRecord(
    string ApplicationId, DateTimeOffset At, CaseEffects Effects, PermitCase? State, bool EntersStage = false, IReadOnlyList<Stage>? PassedStages = null);

/// <summary>
/// Carries out everything one transition of <see cref="PermitCaseModel"/> does, together: first what reaches other
/// parties (federal office, third parties, notifications with the employer's letters to its e-Box, alerts through the outbox), so the case never says a state
/// whose messages are not out; then the case index with the dashboard's facts (<see cref="ICaseFacts"/>) and, when it
/// closes granted, the authorisations register; then its audit rows, so a reader who sees a step in the timeline finds
/// the case in that state; and last the fate of the commands it handled, so a sender who reads its command's fate finds
/// the timeline and the case as the command left them. Every write is idempotent on its own key, so a retried activity (or a replayed one after a crash)
/// repeats nothing. It also takes the workflow's measurements
/// (<see cref="TransitionMetrics"/>): here, not in the orchestrator, which replays.
/// </summary>
public sealed class RecordTransitionActivity(
    IFederalOfficeGateway federalOffice,
    IThirdPartyGateway thirdParties,
    INotificationSender notifications,
    EBoxLetterDelivery eBox,
    IAlertPublisher alerts,
    ICommandOutcomes commands,
    IAuditLog auditLog,
    ICaseIndex caseIndex,
    ICaseFacts caseFacts,
    AuthorisationRegistrar register,
    TimeProvider time) : TaskActivity<TransitionRecord, int>
{
    public override async Task<int> RunAsync(TaskActivityContext context, TransitionRecord input)
    {
        ArgumentNullException.ThrowIfNull(input);
        CaseEffects effects = input.Effects;
        CancellationToken none = CancellationToken.None;

        foreach (FederalOutboundMessage message in effects.FederalMessages)
        {
            await federalOffice.SendAsync(message, none);
        }

        foreach (ThirdPartyRequest request in effects.ThirdPartyRequests)
        {
            await thirdParties.SendAsync(request, none);
        }

        foreach (PartyNotification notification in effects.Notifications)
        {
            await notifications.SendAsync(notification, none);
            await eBox.DeliverAsync(notification, none); // the employer's letter, in its e-Box, once per notification key
        }

        foreach (SlaAlert alert in effects.Alerts)
        {
            await PublishAlertActivity.PublishAsync(alerts, auditLog, alert, time.GetUtcNow(), none);
        }

        if (input.State is not null)
        {
            await caseIndex.UpsertAsync(input.State, none);
            await caseFacts.RecordAsync(CaseFacts.Of(input.State), none);
            await register.RecordIfGrantedAsync(input.State, none);
        }

        await auditLog.AppendAllAsync(CaseStep.AuditEntries(input.ApplicationId, input.At, effects.Steps), none);

        foreach (CommandSettlement settlement in effects.Settlements)
        {
            await commands.SettleAsync(input.ApplicationId, settlement, input.At, none);
        }

        TransitionMetrics.Record(input);
        return effects.Steps.Count;
    }
}
