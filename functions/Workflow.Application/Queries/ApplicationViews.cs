using Workflow.Application.Commands;
using Workflow.Orchestrations.Activities;
using Workflow.Orchestrations.Cases;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Ports;
using Workflow.Orchestrations.Sla;

namespace Workflow.Application.Queries;

/// <summary>
/// <c>GET /api/applications/{id}</c> for staff (caseworkers, managers, inspectors): the whole record. Times are policy
/// times (equal to real time in production); durations are in policy days. <c>Now</c> is the moment the view was made,
/// on the application's own policy clock. The applicant gets <see cref="ApplicantView"/> instead. <c>Renews</c>: for a
/// renewal, the authorisation it renews.
/// </summary>
public sealed record ApplicationView(
    string ApplicationId,
    PermitCategory Category,
    Stage Stage,
    string WorkflowVersion,
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
    FeeView Fee,
    DecisionView? Decision,
    string CommandsUrl,
    IReadOnlyList<TimelineEntry> Timeline,
    RenewedAuthorisationView? Renews = null) : ApplicationStatus;

/// <summary>
/// <c>GET /api/applications/{id}</c> for the applicant (the employer, or the self-employed person): its own procedure.
/// Where the file stands, what is awaited from the applicant and by when, the fee due and how to pay it, the SLA clock
/// and dates, the decision and its grounds once the letter exists, and its part of the timeline. Nothing of the
/// assessment (rules, fraud signals), the third parties, the caseworker's verdict or the federal office's answer.
/// <c>Renews</c>: for a renewal, the authorisation it renews (the applicant's own).
/// </summary>
public sealed record ApplicantView(
    string ApplicationId,
    PermitCategory Category,
    ApplicantStage Stage,
    DateTimeOffset SubmittedAt,
    DateTimeOffset Now,
    double DaysSinceSubmission,
    IReadOnlyList<AwaitedItem> Awaiting,
    FeeView Fee,
    ApplicantSlaView Sla,
    DecisionView? Decision,
    IReadOnlyList<TimelineEntry> Timeline,
    RenewedAuthorisationView? Renews = null) : ApplicationStatus;

/// <summary>Where the file stands, as the applicant sees it.</summary>
public enum ApplicantStage
{
    /// <summary>Received: its completeness is being checked.</summary>
    Received,

    /// <summary>Something is awaited from the applicant (documents, the fee, an answer), with a deadline.</summary>
    AwaitingApplicant,

    /// <summary>Complete: in assessment (the Flemish side and, for a single permit, the federal office).</summary>
    InAssessment,

    /// <summary>Decided: the letter is available.</summary>
    Closed,
}

/// <summary>Something the applicant must still send: an item code (a document type, "fee", "information-response") and its deadline.</summary>
public sealed record AwaitedItem(string Item, DateTimeOffset? DueBy);

/// <summary>
/// The fee (§2.5): whether it is due, paid or due again, how much, the structured reference for a transfer, the
/// deadline, and how to pay (start a payment at <c>PayUrl</c>; the provider confirms it).
/// </summary>
public sealed record FeeView(
    FeeStatus Status,
    decimal? Amount,
    string? Currency,
    string? Reference,
    DateTimeOffset? DueBy,
    string? PayUrl,
    string? HowToPay);

/// <summary>The SLA as the applicant sees it: the clock runs (or waits on the applicant) until the letter; never when the caseworker decided.</summary>
public sealed record ApplicantSlaView(
    SlaTrack Track,
    SlaState State,
    int? DueDays,
    bool InPeakPeriod,
    DateTimeOffset? DueAt,
    double ClockDays,
    double PausedDays,
    IReadOnlyList<SlaPause> Pauses);

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

/// <summary>The decision; the letter is at <c>LetterUrl</c>. A grant shows its authorisation and, for a nurse awaiting recognition, its follow-up (§2.6).</summary>
public sealed record DecisionView(
    Outcome Outcome,
    IReadOnlyList<DecisionGroundView> Grounds,
    DateTimeOffset? DecidedAt,
    string? LetterUrl,
    AuthorisationView? Authorisation = null,
    Recognition.RecognitionSummary? Recognition = null);

/// <summary>
/// The work authorisation a grant entered in the register: valid from and until (Belgian dates, inclusive; no end when
/// the policy data has no term) and its state; for a renewal, the authorisation it renews (<c>Renews</c>); for an
/// authorisation an application renews or renewed, that application (<c>RenewedBy</c>); a withdrawal under way or done
/// (§2.1), where it is read, and since when it is withdrawn.
/// </summary>
public sealed record AuthorisationView(
    DateOnly ValidFrom,
    DateOnly? ValidUntil,
    Orchestrations.Register.AuthorisationState State,
    RenewedAuthorisationView? Renews = null,
    RenewalView? RenewedBy = null,
    bool WithdrawalUnderWay = false,
    string? WithdrawalUrl = null,
    DateOnly? WithdrawnOn = null);

/// <summary>The authorisation a renewal renews: the application id of its grant, and where that grant's status is.</summary>
public sealed record RenewedAuthorisationView(string ApplicationId, string StatusUrl);

/// <summary>
/// The application that renews an authorisation: <c>pending</c> while it is open, <c>renewed</c> once it was granted;
/// and where its status is.
/// </summary>
public sealed record RenewalView(string ApplicationId, Orchestrations.Register.RenewalState State, string StatusUrl);

public sealed record DecisionGroundView(string Code, string? Section, string? Description);

/// <summary>
/// One step from the audit log, at its policy time: the event, the role or party that acted, and (for staff) who:
/// the person's subject and display name.
/// </summary>
public sealed record TimelineEntry(DateTimeOffset At, string Event, string Actor, IReadOnlyDictionary<string, string> Details, string? By = null, string? ByName = null);

/// <summary><c>GET /api/worklist</c>: a page of open caseworker decisions, nearest due date first, and the token for the next page.</summary>
public sealed record WorklistPage(IReadOnlyList<WorklistItem> Items, string? Continuation);

/// <summary>One open caseworker decision on the worklist, with who works on it since when (both absent when nobody does), and its stage.</summary>
public sealed record WorklistItem(
    string ApplicationId,
    PermitCategory Category,
    SlaTrack Track,
    SlaState SlaState,
    DateTimeOffset? DueAt,
    double? DaysLeft,
    bool InformationRequested,
    FederalLegStatus FederalLeg,
    string StatusUrl,
    Assignments.Assignee? Assignee = null,
    DateTimeOffset? AssignedSince = null,
    Stage? Stage = null);

/// <summary>A command as staff see it on an application: its answer (fate, reason) and who sent it, when.</summary>
public sealed record CommandView(CommandAnswer Command, string ActorRole, string ActorSubject, string? ActorName, DateTimeOffset ReceivedAt, DateTimeOffset? SettledAt, int Repeats);

/// <summary>
/// <c>GET /api/applications/{id}/overview</c>: the caseworker's one-view (§2.9). The application as filed, its
/// documents, every value gathered from the authentic sources with its source and retrieval time, the admissibility
/// findings, the rule results and fraud signals of the assessment, the third parties asked, and the refusal grounds a
/// decision may cite. It holds personal data: it is for caseworkers, never logged, and every read of it is audited.
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
