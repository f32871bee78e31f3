using Workflow.Orchestrations.Domain;

namespace Workflow.Orchestrations.Withdrawals;

/// <summary>
/// What a withdrawal workflow starts from: its id, the granted authorisation (by the application that granted it), the
/// category, the §2.1 ground the finding supports (a code), the policy terms and the length of a policy day. Ids and
/// codes only: the finding's evidence and who filed it stay in the withdrawals table.
/// </summary>
public sealed record WithdrawalInput(
    string WithdrawalId,
    string AuthorisationId,
    PermitCategory Category,
    string Ground,
    WithdrawalTerms Terms,
    TimeSpan PolicyDayLength);
