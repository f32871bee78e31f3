using System.Diagnostics.CodeAnalysis;
using Microsoft.DurableTask;
using Workflow.Orchestrations.Withdrawals;

namespace Workflow.Orchestrations.Workflows.Withdrawal;

/// <summary>
/// Listens for the withdrawal's events for the whole life of the workflow, with one waiter per event name that is
/// re-armed after each message and never cancelled (<see cref="LongLivedInbox{TMessage}"/>, whose remarks say why).
/// </summary>
internal sealed class WithdrawalInbox
{
    /// <summary>The employer's answer is listened to first, so of two that both arrived the answer is taken before the decision.</summary>
    static readonly Func<TaskOrchestrationContext, Task<WithdrawalMessage>>[] Events =
    [
        async context => await context.WaitForExternalEvent<HearingAnswered>(WithdrawalEvents.HearingAnswered),
        async context => await context.WaitForExternalEvent<WithdrawalDecided>(WithdrawalEvents.Decided),
    ];

    readonly LongLivedInbox<WithdrawalMessage> inbox;

    public WithdrawalInbox(TaskOrchestrationContext context) =>
        this.inbox = new([.. Events.Select(wait => (Func<Task<WithdrawalMessage>>)(() => wait(context)))]);

    /// <summary>Takes a message that has already arrived, without waiting.</summary>
    public bool TryTake([NotNullWhen(true)] out WithdrawalMessage? message) => this.inbox.TryTake(out message);

    /// <summary>Waits for the next message, or for <paramref name="timer"/> (then returns null).</summary>
    public Task<WithdrawalMessage?> NextAsync(Task? timer) => this.inbox.NextAsync(timer);
}
