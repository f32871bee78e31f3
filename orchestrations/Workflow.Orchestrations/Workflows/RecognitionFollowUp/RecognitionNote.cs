namespace Workflow.Orchestrations.Workflows.RecognitionFollowUp;

/// <summary>
/// What staff keep with a recorded outcome, apart from the workflow: the command, the outcome, the reason given (free
/// text, so never in workflow history), and who recorded it when. Shown to caseworkers and managers, not to the employer.
/// </summary>
public sealed record RecognitionNote(
    string ApplicationId,
    string Kind,
    string CommandId,
    RecognitionOutcomeKind Outcome,
    string? Reason,
    string ByRole,
    string BySubject,
    string? ByName,
    DateTimeOffset RecordedAt);
