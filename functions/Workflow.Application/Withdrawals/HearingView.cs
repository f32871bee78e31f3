using Workflow.Orchestrations.Withdrawals;

namespace Workflow.Application.Withdrawals;

/// <summary>
/// The employer's hearing, in policy time like every term of the procedure: when the invitation went out, the last day
/// to answer (a Belgian date; null until the invitation, which names it, is written), when the reminder went out, how
/// and when it ended; and the answer when there is one (with the real time it was received, as every command's).
/// </summary>
public sealed record HearingView(
    DateTimeOffset? InvitedAt,
    DateOnly? AnswerBy,
    DateTimeOffset? RemindedAt,
    HearingEnd? EndedBy,
    DateTimeOffset? EndedAt,
    HearingResponseView? Response);
