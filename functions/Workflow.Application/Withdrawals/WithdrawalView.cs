using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Withdrawals;

namespace Workflow.Application.Withdrawals;

/// <summary>
/// A withdrawal as its reader may see it. Staff (caseworkers, managers, inspectors) read all of it: the authorisation,
/// the ground the finding supports and the finding itself, the hearing, the decision with its reason and who took it,
/// the federal office, the exclusions proposed, the letters, every command with its fate and the history with who did
/// what. The employer reads the ground cited in the invitation, the hearing with its own answer, the decision once
/// taken (verdict, ground, date), the letters and its own commands: <c>employer</c>, <c>finding</c>, <c>federal</c>,
/// <c>exclusions</c> and <c>history</c> are left out, and so are the decision's id, reason and author.
/// </summary>
public sealed record WithdrawalView(
    string WithdrawalId,
    string AuthorisationId,
    PermitCategory Category,
    WithdrawalStage Stage,
    DecisionGround Ground,
    HearingView? Hearing,
    WithdrawalDecisionView? Decision,
    IReadOnlyList<LetterLink> Letters,
    IReadOnlyList<WithdrawalCommandView> Commands,
    string AuthorisationUrl,
    string? Employer = null,
    FindingView? Finding = null,
    FederalWithdrawalView? Federal = null,
    IReadOnlyList<ExclusionLink>? Exclusions = null,
    IReadOnlyList<WithdrawalHistoryItem>? History = null);
