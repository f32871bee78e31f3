namespace Workflow.Orchestrations.Withdrawals;

/// <summary>The exclusions of the employer and its directors are proposed in the registry, under these ids.</summary>
public sealed record ExclusionsProposed(IReadOnlyList<string> ExclusionIds) : WithdrawalCaseInput;
