namespace Workflow.Application.Recognition;

/// <summary><c>POST /api/applications/{id}/recognition/care-visa-outcome</c>: the care visa's outcome as a caseworker or manager records it, under the client's command id; an optional reason.</summary>
public sealed record CareVisaOutcomeRequest(string? CommandId, CareVisaOutcome? Outcome, string? Reason);
