using Workflow.Orchestrations.Workflows.RecognitionFollowUp;

namespace Workflow.Application.Recognition;

/// <summary>A recorded outcome as staff see it: the command, the outcome, the reason given, who recorded it and when.</summary>
public sealed record RecognitionNoteView(string Kind, string CommandId, RecognitionOutcomeKind Outcome, string? Reason, string ByRole, string By, string? ByName, DateTimeOffset RecordedAt);
