namespace Workflow.Orchestrations.Domain;

/// <summary>Where an application is in its workflow. Shown in custom status, the case index and the API.</summary>
public enum Stage
{
    Received,
    Admissibility,

    /// <summary>Documents or the fee are missing; the employer has a deadline; the SLA clock is paused.</summary>
    AwaitingApplicant,

    /// <summary>Admissible: authentic sources are being gathered and the federal handoff sent.</summary>
    Assessment,

    /// <summary>The caseworker's decision is open (the human task); the application is on the worklist.</summary>
    AwaitingDecision,

    /// <summary>The Flemish side approved; the federal decision on residence is still awaited.</summary>
    AwaitingFederalDecision,

    /// <summary>The outcome is known; the letter and notifications are being issued.</summary>
    Deciding,

    Closed,
}

/// <summary>The final outcome of an application.</summary>
public enum Outcome
{
    Granted,
    Refused,
    Inadmissible,

    /// <summary>The applicant withdrew the application before the decision.</summary>
    Withdrawn,
}

/// <summary>The caseworker's (Flemish) decision.</summary>
public enum CaseworkerVerdict
{
    Approve,
    Refuse,
}

/// <summary>The federal office's decision on residence.</summary>
public enum FederalVerdict
{
    Approved,
    Refused,
}

/// <summary>The state of the parallel federal leg.</summary>
public enum FederalLegStatus
{
    /// <summary>Work card and professional card: no federal leg (docs/design.md#categories).</summary>
    NotApplicable,
    NotStarted,
    HandedOff,
    Acknowledged,
    InformationRequested,
    Approved,
    Refused,

    /// <summary>Cancelled after a Flemish refusal; a later answer is recorded as late.</summary>
    Cancelled,
}

/// <summary>Why the SLA clock is paused (docs/design.md#sla-semantics: only waits on the applicant pause it).</summary>
public enum PauseReason
{
    /// <summary>Admissibility: documents or the fee are missing.</summary>
    AwaitingApplicant,

    /// <summary>The caseworker asked the employer for information.</summary>
    InformationRequested,

    /// <summary>The fee is due again: the payment service provider reversed the payment.</summary>
    FeeReversed,
}

/// <summary>The SLA state shown to caseworkers and managers.</summary>
public enum SlaState
{
    /// <summary>No due date: the track was not yet in force at submission.</summary>
    Untracked,
    OnTrack,
    AtRisk,
    Breached,
    Paused,

    /// <summary>The clock stopped (decision taken) on or before the due date.</summary>
    Met,

    /// <summary>The clock stopped after the due date.</summary>
    Missed,
}

/// <summary>The alerting milestones; each fires at most once per application.</summary>
public enum MilestoneKind
{
    /// <summary>Reminder to the caseworker before the due date.</summary>
    Reminder,

    /// <summary>At-risk warning before the due date.</summary>
    AtRisk,

    /// <summary>Breach alert to managers at the due date.</summary>
    Breached,

    /// <summary>Escalation to the head of service after the due date.</summary>
    Escalated,

    /// <summary>The federal answer is late: reminder to the federal liaison.</summary>
    FederalAnswerLate,

    /// <summary>The federal answer is very late: escalation.</summary>
    FederalEscalated,

    /// <summary>The overall single-permit deadline is near.</summary>
    OverallDeadlineNear,

    /// <summary>The overall single-permit deadline has passed.</summary>
    OverallDeadlinePassed,

    /// <summary>Recognition follow-up (§2.6): NARIC's recognition is due soon (the first term); reminder to the caseworker.</summary>
    RecognitionReminder,

    /// <summary>Recognition follow-up: NARIC's recognition is overdue (the first term); escalation to managers.</summary>
    RecognitionOverdue,

    /// <summary>Recognition follow-up: NARIC's recognition is due soon (the term extended to its second length).</summary>
    ExtendedRecognitionReminder,

    /// <summary>Recognition follow-up: NARIC's recognition is overdue (the extended term).</summary>
    ExtendedRecognitionOverdue,

    /// <summary>Recognition follow-up: the federal health service's care visa is due soon.</summary>
    CareVisaReminder,

    /// <summary>Recognition follow-up: the care visa is overdue; escalation to managers.</summary>
    CareVisaOverdue,
}

/// <summary>Who an alert is for.</summary>
public enum AlertAudience
{
    Caseworker,
    Managers,
    HeadOfService,
    FederalLiaison,
}
