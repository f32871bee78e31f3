namespace Workflow.Application.Commands;

/// <summary><c>POST /api/exclusions/{exclusionId}/lift</c>: proposes to lift a confirmed exclusion, with the reason (a code) and the decision that lifts it.</summary>
public sealed record ExclusionLiftRequest(string? ChangeId, string? ReasonCode, string? DecisionReference);
