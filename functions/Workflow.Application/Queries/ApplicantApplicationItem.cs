using Workflow.Orchestrations.Cases;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Sla;

namespace Workflow.Application.Queries;

/// <summary>
/// One line of the applicant's list (<c>GET /api/applications</c>): where the file stands as the applicant sees it
/// (<see cref="ApplicantView"/>, without the timeline): the stage, what is awaited and by when, the fee, the SLA track,
/// state and due date, and the outcome once the letter exists. <c>SubmissionId</c> is the applicant's own reference.
/// </summary>
public sealed record ApplicantApplicationItem(
    string ApplicationId,
    string SubmissionId,
    PermitCategory Category,
    DateTimeOffset SubmittedAt,
    ApplicantStage Stage,
    IReadOnlyList<AwaitedItem> Awaiting,
    FeeStatus Fee,
    SlaTrack Track,
    SlaState SlaState,
    DateTimeOffset? DueAt,
    Outcome? Outcome,
    string StatusUrl);
