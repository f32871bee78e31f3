using Microsoft.DurableTask;
using Workflow.Orchestrations.Withdrawals;

namespace Workflow.Orchestrations.Workflows.Withdrawal;

/// <summary>
/// The withdrawal of a granted work authorisation after an inspector's finding (concept note §2.1), from the employer's
/// hearing to the caseworker's decision and its consequences. The procedure is <see cref="WithdrawalModel"/>, a pure
/// model that <see cref="WithdrawalWorkflow"/> drives. The input is ids and codes only; no injected dependencies and no
/// I/O here: everything external happens in activities.
/// </summary>
public sealed class WithdrawalOrchestrator : TaskOrchestrator<WithdrawalInput, WithdrawalResult>
{
    public override Task<WithdrawalResult> RunAsync(TaskOrchestrationContext context, WithdrawalInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        return new WithdrawalWorkflow(context, input).RunAsync();
    }
}
