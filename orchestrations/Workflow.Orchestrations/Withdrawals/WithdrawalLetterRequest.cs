namespace Workflow.Orchestrations.Withdrawals;

/// <summary>
/// A withdrawal letter to write: which one, the authorisation it concerns, the ground it cites (a code), and the day it
/// is dated (the policy date of the invitation or the decision) with, for an invitation, the hearing's last day.
/// </summary>
public sealed record WithdrawalLetterRequest(
    string WithdrawalId,
    string AuthorisationId,
    WithdrawalLetterKind Letter,
    string Ground,
    DateOnly Dated,
    DateOnly? AnswerBy,
    int ExclusionMonths);
