using Workflow.Application.Access;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Withdrawals;

namespace Workflow.Application.Withdrawals;

/// <summary>
/// The caseworker's decision: the verdict, the ground cited for a withdrawal, the day it took effect (a Belgian date in
/// policy time); for staff also its id, the reason and who decided.
/// </summary>
public sealed record WithdrawalDecisionView(
    WithdrawalVerdict Verdict,
    DecisionGround? Ground,
    DateOnly? DecidedOn,
    string? DecisionId = null,
    string? Reason = null,
    Actor? By = null);
