namespace Workflow.Orchestrations.Workflows.RecognitionFollowUp;

/// <summary>
/// The event a recorded outcome raises on the follow-up: its message id (<c>{kind}:{command id}</c>, by which the
/// workflow handles it once and settles the command's fate), the outcome, the role of whoever recorded it, and the
/// receipt time stamped by the system. Codes only: the reason stays with the command's note.
/// </summary>
public sealed record RecognitionOutcome(string MessageId, RecognitionOutcomeKind Kind, string ActorRole, DateTimeOffset ReceivedAt);
