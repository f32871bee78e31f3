using Workflow.Orchestrations.Workflows.RecognitionFollowUp;

namespace Workflow.Application.Recognition;

/// <summary>
/// The follow-up in an application's status (<c>decision.recognition</c>): its stage and due date, and for staff whether
/// it is overdue; the whole follow-up at <paramref name="Url"/>.
/// </summary>
public sealed record RecognitionSummary(RecognitionStage? Stage, DateTimeOffset? DueAt, string Url, bool? Overdue = null);
