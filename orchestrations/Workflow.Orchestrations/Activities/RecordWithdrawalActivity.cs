using Microsoft.DurableTask;
using Workflow.Orchestrations.Cases;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Ports;
using Workflow.Orchestrations.Register;
using Workflow.Orchestrations.Withdrawals;

namespace Workflow.Orchestrations.Activities;

/// <summary>
/// Writes one withdrawal transition's record: its audit rows (the audit log's partition of the withdrawal), its mark in
/// the authorisations register, the withdrawal as it stands, and last the fates of the commands it handled. Each write
/// is idempotent on its key, so a retry repeats nothing.
/// </summary>
public sealed class RecordWithdrawalActivity(IWithdrawalRecords records, IAuthorisationRegister register, IAuditLog auditLog) : TaskActivity<WithdrawalRecord, string>
{
    public override async Task<string> RunAsync(TaskActivityContext context, WithdrawalRecord input)
    {
        ArgumentNullException.ThrowIfNull(input);
        await auditLog.AppendAllAsync(CaseStep.AuditEntries(input.WithdrawalId, input.At, input.Steps), CancellationToken.None);

        if (input.Register is RegisterMark mark)
        {
            // A mark that does not apply (the authorisation changed elsewhere) is answered, not thrown: the audit says so.
            Authorisation? marked = await register.MarkAsync(input.AuthorisationId, mark, CancellationToken.None);
            if (marked is null || marked.Marked(mark) != marked)
            {
                await auditLog.AppendAsync(
                    new AuditEntry(
                        input.WithdrawalId,
                        $"{input.WithdrawalId}:register-unchanged:{Codes.Of(mark.Mark)}",
                        input.At,
                        "register-unchanged",
                        Actors.System,
                        new Dictionary<string, string>(StringComparer.Ordinal) { ["mark"] = Codes.Of(mark.Mark), ["state"] = marked is null ? "absent" : Codes.Of(marked.State) },
                        Order: input.Steps.Count + 1),
                    CancellationToken.None);
            }
        }

        if (input.State is { } state)
        {
            await records.SaveStateAsync(state with { HandledMessages = [] }, CancellationToken.None);
        }

        // The commands' fates last, as a case's transition does: a sender who reads "accepted" finds the withdrawal,
        // the register and the timeline as its command left them.
        foreach (CommandSettlement settlement in input.Settlements)
        {
            await records.SettleAsync(input.WithdrawalId, settlement, input.At, CancellationToken.None);
        }

        return input.WithdrawalId;
    }
}
