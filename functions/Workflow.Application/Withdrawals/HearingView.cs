using Workflow.Orchestrations.Withdrawals;

namespace Workflow.Application.Withdrawals;

/// <summary>
/// The employer's hearing: when the invitation went out, the last day to answer (a Belgian date in policy time), when the
/// reminder went out, how and when it ended, and the answer when there is one.
/// </summary>
public sealed record HearingView(
    DateTimeOffset? InvitedAt,
    DateOnly AnswerBy,
    DateTimeOffset? RemindedAt,
    HearingEnd? EndedBy,
    DateTimeOffset? EndedAt,
    HearingResponseView? Response);
