using Workflow.Orchestrations.Withdrawals;

namespace Workflow.Application.Withdrawals;

/// <summary>A letter of the withdrawal and where it is read.</summary>
public sealed record LetterLink(WithdrawalLetterKind Letter, string Url);
