using Workflow.Orchestrations.Cases;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Register;

namespace Workflow.Orchestrations.Withdrawals;

/// <summary>One withdrawal transition being made: the withdrawal as it becomes and the effects gathered on the way.</summary>
internal sealed class WithdrawalChange(WithdrawalCase state, DateTimeOffset realNow)
{
    readonly List<CaseStep> steps = [];
    readonly List<PartyNotification> notifications = [];
    readonly List<FederalOutboundMessage> federal = [];
    readonly List<CommandSettlement> settlements = [];
    RegisterMark? register;
    bool changed;

    public WithdrawalCase State { get; private set; } = state;

    public DateTimeOffset RealNow => realNow;

    /// <summary>Policy time of the transition.</summary>
    public DateTimeOffset Now { get; } = state.Clock().ToPolicy(realNow);

    /// <summary>Changes the withdrawal; its record will learn the new state.</summary>
    public void Set(Func<WithdrawalCase, WithdrawalCase> change)
    {
        this.State = change(this.State);
        this.changed = true;
    }

    /// <summary>Changes what only the workflow needs to remember (the messages it handled).</summary>
    public void Remember(Func<WithdrawalCase, WithdrawalCase> change) => this.State = change(this.State);

    /// <summary>An audit row, keyed by the withdrawal, the event and (for a command) its message id: written once.</summary>
    public void Record(string eventCode, string? messageId = null, params (string Key, string Value)[] details) =>
        this.steps.Add(new CaseStep(
            messageId is null ? $"{this.State.WithdrawalId}:{eventCode}" : $"{this.State.WithdrawalId}:{eventCode}:{messageId}",
            eventCode,
            Actors.System,
            details.ToDictionary(d => d.Key, d => d.Value, StringComparer.Ordinal)));

    public void Notify(PartyNotification notification) => this.notifications.Add(notification);

    public void Send(FederalOutboundMessage message) => this.federal.Add(message);

    public void Settle(string messageId, CommandFate fate, string? reason = null) => this.settlements.Add(new CommandSettlement(messageId, fate, reason));

    public void Mark(RegisterMark mark) => this.register = mark;

    public WithdrawalTransition Done() =>
        new(this.State, new WithdrawalEffects([.. this.steps], [.. this.notifications], [.. this.federal], [.. this.settlements], this.register), this.changed);
}
