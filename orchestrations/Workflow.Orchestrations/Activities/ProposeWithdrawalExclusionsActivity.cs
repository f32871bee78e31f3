using Microsoft.DurableTask;
using Workflow.Orchestrations.Ports;
using Workflow.Orchestrations.Withdrawals;

namespace Workflow.Orchestrations.Activities;

/// <summary>
/// Proposes the exclusions of a withdrawal (§2.1) through <see cref="IWithdrawalExclusions"/>: the employer and its
/// current directors as KBO lists them now. Returns the exclusion ids only: the directors' numbers never reach the workflow.
/// </summary>
public sealed class ProposeWithdrawalExclusionsActivity(IWithdrawalExclusions exclusions) : TaskActivity<ExclusionProposalRequest, IReadOnlyList<string>>
{
    public override async Task<IReadOnlyList<string>> RunAsync(TaskActivityContext context, ExclusionProposalRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return await exclusions.ProposeAsync(input, CancellationToken.None);
    }
}
