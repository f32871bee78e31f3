namespace Workflow.Application.Commands;

/// <summary>
/// <c>POST /api/exclusions/{exclusionId}/corrections</c>: proposes the terms of a confirmed exclusion as they should
/// read (all of them: an absent until-date means open-ended), e.g. a corrected until-date or reason code.
/// </summary>
public sealed record ExclusionCorrectionRequest(string? ChangeId, DateOnly? From, DateOnly? Until, string? ReasonCode, string? DecisionReference);
