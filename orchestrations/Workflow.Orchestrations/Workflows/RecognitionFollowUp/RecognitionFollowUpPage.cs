namespace Workflow.Orchestrations.Workflows.RecognitionFollowUp;

/// <summary>A page of open follow-ups, nearest due date first, and the token of the next page (null on the last).</summary>
public sealed record RecognitionFollowUpPage(IReadOnlyList<RecognitionFollowUpCase> Items, string? Continuation);
