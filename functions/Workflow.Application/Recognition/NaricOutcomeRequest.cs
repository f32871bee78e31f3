namespace Workflow.Application.Recognition;

/// <summary>
/// <c>POST /api/applications/{id}/recognition/naric-outcome</c>: NARIC's outcome as a caseworker or manager records it,
/// under the client's command id. A reason is required to extend the term, optional otherwise (kept with the command
/// for staff, never in the workflow).
/// </summary>
public sealed record NaricOutcomeRequest(string? CommandId, NaricOutcome? Outcome, string? Reason);
