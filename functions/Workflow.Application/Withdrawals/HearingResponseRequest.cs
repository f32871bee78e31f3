namespace Workflow.Application.Withdrawals;

/// <summary>
/// <c>POST /api/withdrawals/{withdrawalId}/hearing-response</c>: the employer's answer to the hearing, once per
/// withdrawal; <paramref name="ResponseId"/> is the client's id (the same answer again is answered from the first).
/// </summary>
public sealed record HearingResponseRequest(string? ResponseId, string? Statement);
