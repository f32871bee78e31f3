using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Policy;
using Workflow.Orchestrations.Sla;

namespace Workflow.Orchestrations.Cases;

/// <summary>Whether the fee is due, paid, or due again after the provider reversed the payment (§2.5).</summary>
public enum FeeStatus
{
    /// <summary>No fee for this application (a work card up to 90 days, or no fee in force on the submission date).</summary>
    NotDue,
    Due,
    Paid,

    /// <summary>The payment service provider reversed the payment: the fee is due again.</summary>
    Reversed,
}

/// <summary>The caseworker's open information request (policy times; unknown for applications of workflow version 1.0).</summary>
public sealed record OpenInformationRequest(string RequestId, DateTimeOffset? RequestedAt, DateTimeOffset? Deadline);

/// <summary>The caseworker's decision as the case keeps it: codes only; the motivation stays in the dossier.</summary>
public sealed record CaseworkerDecision(string DecisionId, CaseworkerVerdict Verdict, IReadOnlyList<string> Grounds, DateTimeOffset At);

/// <summary>
/// One application as a plain value: everything the workflow knows and decides on, in ids, codes and policy times (no
/// personal data). <see cref="PermitCaseModel"/> is its only writer, one transition at a time; the workflow holds it
/// while it runs, the case index keeps its latest revision, and the API reads it there to tell whether a command is
/// still admissible. Policy times unless named otherwise.
/// </summary>
public sealed record PermitCase
{
    public required string ApplicationId { get; init; }

    public required PermitCategory Category { get; init; }

    /// <summary>Real time of the submission; policy time and real time coincide there.</summary>
    public required DateTimeOffset SubmittedAt { get; init; }

    public required TimeSpan PolicyDayLength { get; init; }

    /// <summary>The policy the application was submitted under (stamped in the workflow input).</summary>
    public required PermitTerms Terms { get; init; }

    /// <summary>The workflow version the application runs on (older versions admit fewer commands).</summary>
    public required string WorkflowVersion { get; init; }

    /// <summary>For a renewal: the application id of the authorisation it renews (from the workflow input).</summary>
    public string? Renews { get; init; }

    public Stage Stage { get; init; } = Stage.Received;

    public required SlaSnapshot Sla { get; init; }

    public required FederalLegSnapshot Federal { get; init; }

    /// <summary>Required documents not in the dossier, as the last admissibility check found them.</summary>
    public IReadOnlyList<string> MissingDocuments { get; init; } = [];

    public FeeStatus Fee { get; init; }

    /// <summary>The payment that paid the fee, while it stands.</summary>
    public string? FeePaymentId { get; init; }

    /// <summary>When the applicant's latest documents or payment came in during admissibility (policy time): the file is complete from then.</summary>
    public DateTimeOffset? LastApplicantInputAt { get; init; }

    /// <summary>When what the applicant owes (documents, the fee) must be in: inadmissible after it.</summary>
    public DateTimeOffset? ApplicantDeadline { get; init; }

    public OpenInformationRequest? InformationRequest { get; init; }

    /// <summary>How many information requests the caseworker made (the open one included).</summary>
    public int InformationRequests { get; init; }

    public DateTimeOffset? CompleteAt { get; init; }

    public CaseworkerDecision? CaseworkerDecision { get; init; }

    public IReadOnlyList<ThirdPartySnapshot> ThirdParties { get; init; } = [];

    public IReadOnlyList<MilestoneKind> FiredMilestones { get; init; } = [];

    /// <summary>Message ids the workflow has handled (accepted or rejected): a redelivery is not acted on twice.</summary>
    public IReadOnlyList<string> HandledMessages { get; init; } = [];

    /// <summary>
    /// Federal messages answering this case's own handoff that arrived before the workflow recorded sending it (after a
    /// crash the office can answer a handoff the recovering workflow has not reached again yet): accepted, and acted on
    /// once the handoff is recorded. Only the workflow keeps them (rebuilt on replay); the case index never shows them.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<PermitMessage> HeldFederalMessages { get; init; } = [];

    public int DocumentBatches { get; init; }

    public int Corrections { get; init; }

    /// <summary>Work the workflow must have done next, in order (an activity each); its result is the next input.</summary>
    public IReadOnlyList<CaseWork> PendingWork { get; init; } = [];

    public Outcome? Outcome { get; init; }

    public IReadOnlyList<string> Grounds { get; init; } = [];

    public DateTimeOffset? DecidedAt { get; init; }

    /// <summary>The decision letter's reference in the dossier, once issued.</summary>
    public string? Letter { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>Grows with every change of state; the case index never lets an older revision overwrite a newer one.</summary>
    public int Revision { get; init; }

    /// <summary>
    /// Real time of the workflow episode that recorded this revision: stamped by the workflow on what it records, not by
    /// the model (null in the workflow's own state). With the revision it orders the records (<see cref="RecordOrder"/>).
    /// </summary>
    public DateTimeOffset? RecordedAt { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public RecordOrder Order => new(this.RecordedAt, this.Revision);

    /// <summary>How many audit steps the workflow recorded.</summary>
    public int Steps { get; init; }

    /// <summary>
    /// How many audit steps of each event the workflow recorded: a step's key is its event and occurrence
    /// (<see cref="CaseChange.Record"/>), not its place among all steps.
    /// </summary>
    public IReadOnlyDictionary<string, int> StepsByEvent { get; init; } = new Dictionary<string, int>(StringComparer.Ordinal);

    public PolicyClock Clock() => new(this.SubmittedAt, this.PolicyDayLength);

    /// <summary>The outcome is known (the letter may still be on its way).</summary>
    public bool IsDecided => this.Stage is Stage.Deciding or Stage.Closed;

    public bool IsClosed => this.Stage == Stage.Closed;

    /// <summary>Who filed: the employer, or the self-employed person (professional card).</summary>
    public Party Applicant => this.Category.IsFiledBySelfEmployed() ? Party.Worker : Party.Employer;

    public bool FeeOutstanding => this.Fee is FeeStatus.Due or FeeStatus.Reversed;

    public bool InAdmissibility => this.Stage is Stage.Received or Stage.Admissibility or Stage.AwaitingApplicant;

    /// <summary>The caseworker's decision is the open human task (the worklist).</summary>
    public bool AwaitsCaseworker => this.Stage == Stage.AwaitingDecision && this.CaseworkerDecision is null;

    public IEnumerable<ThirdPartySnapshot> OpenThirdParties => this.ThirdParties.Where(t => t.Answer is null && !t.Expired);

    public DateTimeOffset? OverallDeadline => this.CompleteAt is DateTimeOffset complete ? this.Terms.OverallDeadline?.DeadlineFrom(complete) : null;

    public SlaClock SlaClock() => this.Sla.Restore();

    /// <summary>What the application waits for right now, as codes (the applicant's items first).</summary>
    public IReadOnlyList<string> Awaiting
    {
        get
        {
            var items = new List<string>(this.ApplicantItems);
            items.AddRange(this.OpenThirdParties.Select(t => $"third-party:{Codes.Of(t.Kind)}"));
            if (this.AwaitsCaseworker)
            {
                items.Add("caseworker-decision");
            }

            if (this.Stage is Stage.AwaitingDecision or Stage.AwaitingFederalDecision && this.Federal.Status is FederalLegStatus.HandedOff or FederalLegStatus.Acknowledged or FederalLegStatus.InformationRequested)
            {
                items.Add("federal-decision");
            }

            return items;
        }
    }

    /// <summary>What the applicant owes: missing documents, the fee, the answer to an information request.</summary>
    public IReadOnlyList<string> ApplicantItems
    {
        get
        {
            if (this.IsDecided)
            {
                return [];
            }

            var items = new List<string>();
            if (this.InAdmissibility)
            {
                items.AddRange(this.MissingDocuments);
            }

            if (this.FeeOutstanding)
            {
                items.Add("fee");
            }

            if (this.InformationRequest is not null)
            {
                items.Add("information-response");
            }

            return items;
        }
    }

    /// <summary>The custom status: where the workflow is, in codes.</summary>
    public PermitStatus Status(DateTimeOffset now)
    {
        SlaClock sla = this.SlaClock();
        return new PermitStatus(this.Stage, sla.StateAsOf(now), sla.DueAsOf(now), this.Federal.Status, this.Awaiting, this.Outcome);
    }
}
