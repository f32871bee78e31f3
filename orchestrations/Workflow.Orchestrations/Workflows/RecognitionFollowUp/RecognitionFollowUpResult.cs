namespace Workflow.Orchestrations.Workflows.RecognitionFollowUp;

/// <summary>How a follow-up ended: its application and final stage (done, or a refusal), and when (policy time).</summary>
public sealed record RecognitionFollowUpResult(string ApplicationId, RecognitionStage Stage, DateTimeOffset? ClosedAt);
