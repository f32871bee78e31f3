namespace Workflow.Orchestrations.Withdrawals;

/// <summary>A letter is in the grant's dossier under <paramref name="Reference"/> (a path, no personal data).</summary>
public sealed record LetterWritten(WithdrawalLetterKind Letter, string Reference) : WithdrawalCaseInput;
