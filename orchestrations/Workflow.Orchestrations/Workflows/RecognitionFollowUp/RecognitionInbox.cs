using Microsoft.DurableTask;

namespace Workflow.Orchestrations.Workflows.RecognitionFollowUp;

/// <summary>
/// Listens for the follow-up's one event for its whole life: one waiter, re-armed after each outcome and never
/// cancelled, as the permit workflow's event inbox does (a cancelled waiter would swallow the next outcome; read the
/// remarks of <c>Workflows/PermitApplication/EventInbox.cs</c>). Outcomes raised before it listens are buffered by the engine.
/// </summary>
internal sealed class RecognitionInbox(TaskOrchestrationContext context)
{
    Task<RecognitionOutcome> pending = context.WaitForExternalEvent<RecognitionOutcome>(RecognitionEvents.OutcomeRecorded);

    /// <summary>Takes an outcome that has already arrived, without waiting.</summary>
    public RecognitionOutcome? TryTake()
    {
        if (!this.pending.IsCompletedSuccessfully)
        {
            return null;
        }

        RecognitionOutcome outcome = this.pending.Result;
        this.pending = context.WaitForExternalEvent<RecognitionOutcome>(RecognitionEvents.OutcomeRecorded);
        return outcome;
    }

    /// <summary>Waits for the next outcome, or for <paramref name="timer"/> (then returns null).</summary>
    public async Task<RecognitionOutcome?> NextAsync(Task? timer)
    {
        if (this.TryTake() is { } ready)
        {
            return ready;
        }

        Task winner = timer is null ? this.pending : await Task.WhenAny(this.pending, timer);
        if (winner == timer)
        {
            return null;
        }

        await this.pending; // a faulted waiter (an undeserialisable payload) fails the workflow here
        return this.TryTake();
    }
}
