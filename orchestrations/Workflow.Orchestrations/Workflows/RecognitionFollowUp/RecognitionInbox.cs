using Microsoft.DurableTask;

namespace Workflow.Orchestrations.Workflows.RecognitionFollowUp;

/// <summary>
/// Listens for the follow-up's one event for its whole life: one waiter, re-armed after each outcome and never
/// cancelled (<see cref="LongLivedInbox{TMessage}"/>, whose remarks say why). Outcomes raised before it listens are
/// buffered by the engine.
/// </summary>
internal sealed class RecognitionInbox(TaskOrchestrationContext context)
{
    readonly LongLivedInbox<RecognitionOutcome> inbox = new([() => context.WaitForExternalEvent<RecognitionOutcome>(RecognitionEvents.OutcomeRecorded)]);

    /// <summary>Takes an outcome that has already arrived, without waiting.</summary>
    public RecognitionOutcome? TryTake() => this.inbox.TryTake(out RecognitionOutcome? outcome) ? outcome : null;

    /// <summary>Waits for the next outcome, or for <paramref name="timer"/> (then returns null).</summary>
    public Task<RecognitionOutcome?> NextAsync(Task? timer) => this.inbox.NextAsync(timer);
}
