using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Workflow.Orchestrations.Activities;
using Workflow.Orchestrations.Withdrawals;
using Workflow.Orchestrations.Workflows.Withdrawal;

namespace Workflow.Functions.Tasks;

/// <summary>The withdrawal workflow's orchestrator and activities as functions, as <see cref="PermitOrchestratorFunctions"/> and <see cref="PermitActivityFunctions"/> wrap the permit workflow's.</summary>
public static class WithdrawalTaskFunctions
{
    [Function(nameof(WithdrawalOrchestrator))]
    public static Task<WithdrawalResult> RunWithdrawal([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new WithdrawalOrchestrator().RunAsync(context, context.GetInput<WithdrawalInput>()!);
    }

    [Function(nameof(RecordWithdrawalActivity))]
    public static Task<string> RecordWithdrawal([ActivityTrigger] WithdrawalRecord input, string instanceId, FunctionContext executionContext) =>
        ActivityRunner.RunAsync<RecordWithdrawalActivity, WithdrawalRecord, string>(input, instanceId, executionContext);

    [Function(nameof(IssueWithdrawalLetterActivity))]
    public static Task<LetterWritten> IssueWithdrawalLetter([ActivityTrigger] WithdrawalLetterRequest input, string instanceId, FunctionContext executionContext) =>
        ActivityRunner.RunAsync<IssueWithdrawalLetterActivity, WithdrawalLetterRequest, LetterWritten>(input, instanceId, executionContext);

    [Function(nameof(ProposeWithdrawalExclusionsActivity))]
    public static Task<IReadOnlyList<string>> ProposeWithdrawalExclusions([ActivityTrigger] ExclusionProposalRequest input, string instanceId, FunctionContext executionContext) =>
        ActivityRunner.RunAsync<ProposeWithdrawalExclusionsActivity, ExclusionProposalRequest, IReadOnlyList<string>>(input, instanceId, executionContext);
}
