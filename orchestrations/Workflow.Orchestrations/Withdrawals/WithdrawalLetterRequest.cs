using Workflow.Orchestrations.Policy;

namespace Workflow.Orchestrations.Withdrawals;

/// <summary>
/// A withdrawal letter to write: which one, the authorisation it concerns, the ground it cites (a code), and the day it
/// is dated (the policy date of the decision). A hearing invitation carries its <paramref name="Hearing"/> term instead:
/// it is dated, and its last day to answer counted, when it is written.
/// </summary>
public sealed record WithdrawalLetterRequest(
    string WithdrawalId,
    string AuthorisationId,
    WithdrawalLetterKind Letter,
    string Ground,
    DateOnly Dated,
    DateOnly? AnswerBy,
    int ExclusionMonths,
    HearingTerm? Hearing = null);

/// <summary>The employer's hearing: <paramref name="Days"/> policy days on the withdrawal's <paramref name="Clock"/>.</summary>
public sealed record HearingTerm(PolicyClock Clock, int Days);
