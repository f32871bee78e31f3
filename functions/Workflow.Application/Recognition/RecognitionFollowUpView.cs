using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Workflows.RecognitionFollowUp;

namespace Workflow.Application.Recognition;

/// <summary>
/// <c>GET /api/applications/{id}/recognition</c>: the follow-up of a grant to a nurse awaiting recognition (§2.6). Every
/// reader sees the stage and the current due date (policy time); staff also see whether it is overdue, the term and
/// whether it was extended, the alerts fired, and each recorded outcome with its reason and who recorded it (the
/// internal notes, never shown to the employer). <c>Starting</c>: the grant asked for a follow-up that is not running yet.
/// </summary>
public sealed record RecognitionFollowUpView(
    string ApplicationId,
    RecognitionStage? Stage,
    bool Starting,
    DateTimeOffset? StartedAt,
    DateTimeOffset? DueAt,
    DateTimeOffset? RecognisedAt,
    DateTimeOffset? ClosedAt,
    bool? Overdue = null,
    double? DaysLeft = null,
    int? TermDays = null,
    bool? TermExtended = null,
    string? TermsId = null,
    IReadOnlyList<MilestoneKind>? AlertsFired = null,
    IReadOnlyList<RecognitionNoteView>? Outcomes = null);
