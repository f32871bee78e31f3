namespace Workflow.Orchestrations.Withdrawals;

/// <summary>
/// A letter is in the grant's dossier under <paramref name="Reference"/> (a path, no personal data). A hearing invitation
/// carries the last moment to answer it names (<paramref name="AnswerBy"/>, policy time), counted from when it was written.
/// </summary>
public sealed record LetterWritten(WithdrawalLetterKind Letter, string Reference, DateTimeOffset? AnswerBy = null) : WithdrawalCaseInput;
