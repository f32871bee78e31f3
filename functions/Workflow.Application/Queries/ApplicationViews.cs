using Workflow.Orchestrations.Activities;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Ports;
using Workflow.Orchestrations.Sla;

namespace Workflow.Application.Queries;

/// <summary>
/// <c>GET /api/applications/{id}</c>. Times are policy times (equal to real time in production); durations are in
/// policy days. <c>Now</c> is the moment the view was made, on the application's own policy clock.
/// </summary>
public sealed record ApplicationView(
    string ApplicationId,
    PermitCategory Category,
    Stage Stage,
    DateTimeOffset SubmittedAt,
    DateTimeOffset Now,
    double DaysSinceSubmission,
    TimeSpan PolicyDayLength,
    SlaView Sla,
    FederalLegView FederalLeg,
    IReadOnlyList<string> Awaiting,
    DateTimeOffset? ApplicantDeadline,
    string? OpenInformationRequestId,
    DateTimeOffset? OverallDeadline,
    DecisionView? Decision,
    IReadOnlyList<TimelineEntry> Timeline);

/// <summary>The SLA: state, due date (moving while paused), time on the clock and the pauses.</summary>
public sealed record SlaView(
    SlaTrack Track,
    SlaState State,
    int? DueDays,
    bool InPeakPeriod,
    DateTimeOffset? DueAt,
    double ClockDays,
    double PausedDays,
    IReadOnlyList<SlaPause> Pauses,
    DateTimeOffset? StoppedAt);

public sealed record FederalLegView(FederalLegStatus Status, string? HandoffId, DateTimeOffset? HandedOffAt, DateTimeOffset? AnsweredAt, IReadOnlyList<string> ReasonCodes);

/// <summary>The decision; the letter is at <c>LetterUrl</c>.</summary>
public sealed record DecisionView(Outcome Outcome, IReadOnlyList<DecisionGroundView> Grounds, DateTimeOffset? DecidedAt, string? LetterUrl);

public sealed record DecisionGroundView(string Code, string? Section, string? Description);

/// <summary>One step from the audit log, at its policy time.</summary>
public sealed record TimelineEntry(DateTimeOffset At, string Event, string Actor, IReadOnlyDictionary<string, string> Details);

/// <summary><c>GET /api/worklist</c>: the open caseworker decisions, nearest due date first.</summary>
public sealed record WorklistItem(
    string ApplicationId,
    PermitCategory Category,
    SlaTrack Track,
    SlaState SlaState,
    DateTimeOffset? DueAt,
    double? DaysLeft,
    bool InformationRequested,
    FederalLegStatus FederalLeg,
    string StatusUrl);

/// <summary>
/// <c>GET /api/applications/{id}/overview</c>: the caseworker's one-view (§2.9). The application as filed, its
/// documents, every value gathered from the authentic sources with its source and retrieval time, the admissibility
/// findings, the rule results and fraud signals of the assessment, the third parties asked, and the refusal grounds a
/// decision may cite. It holds personal data: it is for caseworkers, never logged.
/// </summary>
public sealed record OverviewView(
    string ApplicationId,
    PermitCategory Category,
    Stage Stage,
    DateTimeOffset SubmittedAt,
    ApplicationDossier Application,
    IReadOnlyList<StoredDocument> Documents,
    AuthenticSourceOverview? AuthenticSources,
    AdmissibilityRecord? Admissibility,
    AssessmentRecord? Assessment,
    IReadOnlyList<ThirdPartyView> ThirdParties,
    IReadOnlyList<DecisionGround> Grounds);

/// <summary>A third-party request, its question and answer note, and the ground a negative answer supports.</summary>
public sealed record ThirdPartyView(ThirdPartySnapshot Request, string? Question, string? AnswerNote, string? SupportsGround);
