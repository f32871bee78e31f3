using Workflow.Orchestrations.Withdrawals;

namespace Workflow.Orchestrations.Ports;

/// <summary>
/// Proposes the exclusions a withdrawal brings (§2.1) in the exclusion registry, in the name of the caseworker who
/// decided: the employer and its current directors, each under an id derived from the withdrawal, so a repeat proposes
/// nothing new. They are proposals: in force once a second person confirms them, as for every exclusion.
/// </summary>
public interface IWithdrawalExclusions
{
    /// <summary>Proposes them (again, harmlessly) and answers their ids.</summary>
    Task<IReadOnlyList<string>> ProposeAsync(ExclusionProposalRequest request, CancellationToken cancellationToken);
}
