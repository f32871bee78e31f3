namespace Workflow.Application.Withdrawals;

/// <summary>The employer's answer to the hearing: its id, the statement and when it was received.</summary>
public sealed record HearingResponseView(string ResponseId, string? Statement, DateTimeOffset At);
