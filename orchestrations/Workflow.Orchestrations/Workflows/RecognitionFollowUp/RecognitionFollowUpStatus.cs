namespace Workflow.Orchestrations.Workflows.RecognitionFollowUp;

/// <summary>The follow-up's custom status: its stage and due date (policy time), codes only.</summary>
public sealed record RecognitionFollowUpStatus(RecognitionStage Stage, DateTimeOffset? DueAt, bool TermExtended);
