using Workflow.Orchestrations.Cases;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Register;

namespace Workflow.Orchestrations.Withdrawals;

/// <summary>
/// What <see cref="Activities.RecordWithdrawalActivity"/> writes for one transition, at <paramref name="At"/> (real time):
/// its audit rows, the fates of the commands it handled, the withdrawal as it now stands (null when unchanged), and its
/// mark in the register.
/// </summary>
public sealed record WithdrawalRecord(
    string WithdrawalId,
    string AuthorisationId,
    DateTimeOffset At,
    IReadOnlyList<CaseStep> Steps,
    IReadOnlyList<CommandSettlement> Settlements,
    WithdrawalCase? State,
    RegisterMark? Register);
