using Workflow.Orchestrations.Cases;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Register;

namespace Workflow.Orchestrations.Withdrawals;

/// <summary>
/// Everything one withdrawal transition does to the outside world, each part under its own idempotency key: audit rows
/// (in the withdrawal's own partition of the audit log), notifications to the employer and the worker, messages to the
/// federal office, the fates of the commands it handled, and its mark in the authorisations register.
/// </summary>
public sealed record WithdrawalEffects(
    IReadOnlyList<CaseStep> Steps,
    IReadOnlyList<PartyNotification> Notifications,
    IReadOnlyList<FederalOutboundMessage> FederalMessages,
    IReadOnlyList<CommandSettlement> Settlements,
    RegisterMark? Register)
{
    public bool IsEmpty =>
        this.Steps.Count == 0 && this.Notifications.Count == 0 && this.FederalMessages.Count == 0 && this.Settlements.Count == 0 && this.Register is null;
}
