using Microsoft.DurableTask;
using Workflow.Orchestrations.Activities;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Policy;
using Workflow.Orchestrations.Ports;
using Workflow.Orchestrations.Sla;

#pragma warning disable CA1502, CA1506 // frozen code: version 1.0 is not refactored, only retired

namespace Workflow.Orchestrations.Workflows.PermitApplication.V1;

/// <summary>
/// Version 1.0 of the permit workflow, kept unchanged (but for its name) so that applications started under 1.0 finish
/// on the steps they started with; version 2.0 drives <see cref="Cases.PermitCaseModel"/> instead. Remove this folder
/// once no 1.0 instance is left (query the case index for workflowVersion 1.0). The phases and state of one permit
/// workflow. Deterministic: time comes from the orchestration context (mapped to
/// policy time with the clock stamped in the input), effects go through activities, messages through the
/// <see cref="EventInbox"/>. Every wait goes through <see cref="NextAsync"/>, which is also the one sequential loop that
/// fires SLA milestones and deadline alerts, each once, and cancels the timer that loses its race.
/// </summary>
internal sealed class PermitWorkflowV1
{
    /// <summary>Activities touch storage; transient failures are retried (real time, not policy time).</summary>
    static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 6, firstRetryInterval: TimeSpan.FromSeconds(1), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromSeconds(30)));

    /// <summary>Rounding between real and policy time must not make a deadline look one tick early.</summary>
    static readonly TimeSpan Tolerance = TimeSpan.FromMilliseconds(1);

    readonly TaskOrchestrationContext context;
    readonly PermitApplicationInput input;
    readonly PermitTerms terms;
    readonly PolicyClock clock;
    readonly EventInbox inbox;
    readonly SlaClock sla;
    readonly FederalLeg federal;
    readonly HashSet<string> seenMessages = new(StringComparer.Ordinal);
    readonly HashSet<MilestoneKind> firedMilestones = [];
    readonly List<ThirdPartyWait> thirdParties = [];

    Stage stage = Stage.Received;
    IReadOnlyList<string> missingDocuments = [];
    bool feeOutstanding;
    DateTimeOffset? applicantDeadline;
    string? openRequestId;
    DateTimeOffset? openRequestDeadline;
    DateTimeOffset? completeAt;
    CaseworkerDecided? caseworkerDecision;
    Outcome? outcome;
    IReadOnlyList<string> grounds = [];
    DateTimeOffset? closedAt;
    int revision;
    int step;

    public PermitWorkflowV1(TaskOrchestrationContext context, PermitApplicationInput input)
    {
        this.context = context;
        this.input = input;
        this.terms = input.Terms;
        this.clock = input.Clock();
        this.inbox = new EventInbox(context, EventInbox.Version1Events);
        this.sla = new SlaClock(this.terms.Sla, this.clock.ToPolicy(input.SubmittedAt));
        this.federal = new FederalLeg(input.Category.HasFederalLeg());
        this.feeOutstanding = this.terms.Admissibility.Fee is not null;
    }

    string ApplicationId => this.input.ApplicationId;

    /// <summary>Who filed: the employer, or the self-employed person (professional card).</summary>
    Party Applicant => this.input.Category.IsFiledBySelfEmployed() ? Party.Worker : Party.Employer;

    bool IsComplete => this.missingDocuments.Count == 0 && !this.feeOutstanding;

    public Task<string> ReceiveAsync() => this.RecordAsync("received", Actors.System);

    /// <summary>
    /// Admissibility on the one-view (§2.9): the authentic sources are gathered first; an excluded employer or director
    /// cannot apply (§2.1); then the required documents and, unless exempt, the fee. When something is missing the
    /// applicant is told, with a deadline, and the SLA clock pauses until the file is complete.
    /// </summary>
    public async Task<AdmissibilityOutcome> BecomeAdmissibleAsync()
    {
        this.stage = Stage.Admissibility;
        SourcesGathered gathered = await this.context.CallActivityAsync<SourcesGathered>(nameof(GatherAuthenticSourcesActivity), this.ApplicationId, Retry);
        await this.RecordAsync(
            "sources-gathered",
            Actors.System,
            Details(("sourceRecords", gathered.RecordCount.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("sources", string.Join(',', gathered.Sources.Select(Codes.Of)))),
            stateChanged: false);

        AdmissibilityFindings findings = await this.CheckAdmissibilityAsync();
        if (findings.Excluded)
        {
            await this.RecordAsync("excluded-party", Actors.System, Details(("parties", string.Join(',', findings.ExcludedParties.Select(Codes.Of)))));
            return AdmissibilityOutcome.Excluded;
        }

        if (findings.CorrectnessIssues.Count > 0)
        {
            await this.RecordAsync("correctness-issues", Actors.System, Details(("issues", string.Join(',', findings.CorrectnessIssues))), stateChanged: false);
        }

        this.missingDocuments = findings.MissingDocuments;
        await this.HandleArrivedMessagesAsync();
        if (this.IsComplete)
        {
            await this.BecomeCompleteAsync();
            return AdmissibilityOutcome.Admissible;
        }

        DateTimeOffset now = this.Now();
        this.stage = Stage.AwaitingApplicant;
        this.sla.Pause(now, PauseReason.AwaitingApplicant);
        this.applicantDeadline = now.AddDays(this.terms.Admissibility.CompletionDeadlineDays);
        await this.NotifyAsync(this.Applicant, NotificationKind.ItemsMissing, "items-missing", this.AwaitingItems(), this.applicantDeadline);
        await this.RecordAsync("items-missing", Actors.System, Details(("items", string.Join(',', this.AwaitingItems()))));

        while (!this.IsComplete)
        {
            PermitMessage? message = await this.NextAsync(until: this.applicantDeadline);
            if (message is null)
            {
                await this.RecordAsync("completion-deadline-passed", Actors.System, Details(("items", string.Join(',', this.AwaitingItems()))));
                return AdmissibilityOutcome.Incomplete;
            }

            await this.HandleAsync(message);
        }

        this.sla.Resume(this.Now());
        await this.BecomeCompleteAsync();
        return AdmissibilityOutcome.Admissible;
    }

    /// <summary>
    /// Starts the parallel legs: the handoff to the federal office (single-permit categories only), the assessment of
    /// the category's rules and the fraud signals for the caseworker, and the caseworker's decision as a human task
    /// (the application enters the worklist).
    /// </summary>
    public async Task StartAssessmentAsync()
    {
        if (this.federal.Status == FederalLegStatus.NotStarted)
        {
            string handoffId = $"{this.ApplicationId}-h1";
            await this.SendFederalAsync(FederalOutboundKind.Handoff, handoffId);
            this.federal.HandedOff(handoffId, this.Now());
            await this.RecordAsync("federal-handoff-sent", Actors.System, Details(("handoffId", handoffId)));
        }

        AssessmentSummary assessment = await this.AssessAsync();
        this.stage = Stage.AwaitingDecision;
        await this.RecordAsync("awaiting-decision", Actors.System, AssessmentDetails(assessment));
    }

    /// <summary>Waits until the outcome is known from the caseworker's decision and, where there is one, the federal decision.</summary>
    public async Task<(Outcome Outcome, IReadOnlyList<string> Grounds)> AwaitVerdictsAsync()
    {
        while (true)
        {
            if (this.federal.Status == FederalLegStatus.Refused)
            {
                // No single permit without residence: the Flemish task closes whatever its state.
                IEnumerable<string> flemishGrounds = this.caseworkerDecision is { Verdict: CaseworkerVerdict.Refuse } refusal ? refusal.Grounds : [];
                return (Outcome.Refused, [DecisionGrounds.ResidenceRefused.Code, .. flemishGrounds]);
            }

            if (this.caseworkerDecision is { Verdict: CaseworkerVerdict.Refuse } flemishRefusal)
            {
                if (this.federal.IsAwaitingAnswer)
                {
                    await this.CancelFederalLegAsync();
                }

                return (Outcome.Refused, flemishRefusal.Grounds);
            }

            if (this.caseworkerDecision is { Verdict: CaseworkerVerdict.Approve })
            {
                if (!this.federal.IsAwaitingAnswer)
                {
                    return (Outcome.Granted, []);
                }

                if (this.stage != Stage.AwaitingFederalDecision)
                {
                    this.stage = Stage.AwaitingFederalDecision;
                    await this.RecordAsync("awaiting-federal-decision", Actors.System);
                }
            }

            PermitMessage? message = await this.NextAsync(until: this.NextWaitDeadline());
            if (message is null)
            {
                await this.ExpireDueWaitsAsync();
                continue;
            }

            await this.HandleAsync(message);
        }
    }

    /// <summary>The decision: the letter kept with the dossier, employer and worker notified, the case closed.</summary>
    public async Task<PermitApplicationResult> DecideAsync(Outcome decided, IReadOnlyList<string> decisionGrounds)
    {
        DateTimeOffset decidedAt = this.Now();
        this.stage = Stage.Deciding;
        this.sla.Stop(decidedAt);
        this.outcome = decided;
        this.grounds = decisionGrounds;
        this.applicantDeadline = null;
        this.openRequestId = null;
        this.openRequestDeadline = null;
        await this.RecordAsync("decided", Actors.System, Details(("outcome", Codes.Of(decided)), ("grounds", string.Join(',', decisionGrounds))));

        string letter = await this.context.CallActivityAsync<string>(
            nameof(IssueDecisionLetterActivity), new LetterRequest(this.ApplicationId, decided, decisionGrounds, decidedAt), Retry);

        Party[] parties = this.Applicant == Party.Worker ? [Party.Worker] : [Party.Employer, Party.Worker];
        await Task.WhenAll(parties.Select(party => this.NotifyAsync(party, NotificationKind.Decision, "decision", [], null, letter)));

        this.stage = Stage.Closed;
        this.closedAt = this.Now();
        await this.RecordAsync("closed", Actors.System, Details(("letter", letter)));
        return new PermitApplicationResult(decided, decisionGrounds, decidedAt, letter);
    }

    /// <summary>
    /// Waits for the next new message, or until <paramref name="until"/> (policy time; then returns null). Meanwhile
    /// fires every milestone that falls due, in order, each once. Duplicates are recorded and dropped here.
    /// </summary>
    async Task<PermitMessage?> NextAsync(DateTimeOffset? until)
    {
        // Bounded in practice: each round consumes a message or fires one of at most eight milestones, and history
        // stays in the tens of events per application, so no ContinueAsNew is needed (DURABLE0011).
#pragma warning disable DURABLE0011
        while (true)
        {
            if (this.inbox.TryTake(out PermitMessage? arrived))
            {
                if (await this.AcceptAsync(arrived))
                {
                    return arrived;
                }

                continue;
            }

            DateTimeOffset now = this.Now();
            PlannedMilestone? milestone = MilestonePlan.Next(this.PlanMilestones(now), this.firedMilestones);
            if (milestone is not null && milestone.At <= now + Tolerance)
            {
                await this.FireAsync(milestone, now);
                continue;
            }

            if (until is not null && until <= now + Tolerance)
            {
                return null;
            }

            DateTimeOffset? wakeAt = (milestone?.At, until) switch
            {
                (null, var u) => u,
                (var m, null) => m,
                (var m, var u) => m < u ? m : u,
            };

            using var timerCancellation = new CancellationTokenSource();
            Task? timer = wakeAt is DateTimeOffset at
                ? this.context.CreateTimer(this.clock.ToReal(at).UtcDateTime, timerCancellation.Token)
                : null;

            PermitMessage? message = await this.inbox.NextAsync(timer);
            if (message is null)
            {
                continue; // the timer fired: the loop decides whether it was a milestone or the deadline
            }

            timerCancellation.Cancel(); // the timer lost the race
            if (await this.AcceptAsync(message))
            {
                return message;
            }
        }
#pragma warning restore DURABLE0011
    }

    IEnumerable<PlannedMilestone> PlanMilestones(DateTimeOffset now) => MilestonePlan.Plan(
        this.terms,
        this.sla,
        federalAwaitedSince: this.federal.IsAwaitingAnswer ? this.federal.HandedOffAt : null,
        completeSince: this.stage is Stage.Assessment or Stage.AwaitingDecision or Stage.AwaitingFederalDecision ? this.completeAt : null,
        now);

    async Task FireAsync(PlannedMilestone milestone, DateTimeOffset now)
    {
        this.firedMilestones.Add(milestone.Kind);
        var alert = new SlaAlert(
            SlaAlert.KeyFor(this.ApplicationId, milestone.Kind),
            this.ApplicationId,
            this.input.Category,
            milestone.Kind,
            milestone.Audience,
            milestone.At,
            this.sla.DueAsOf(now),
            now);
        await this.context.CallActivityAsync<string>(nameof(PublishAlertActivity), alert, Retry);
        await this.RecordAsync(
            $"milestone-{Codes.Of(milestone.Kind)}",
            Actors.System,
            Details(("audience", Codes.Of(milestone.Audience)), ("milestoneAt", milestone.At.ToString("O", System.Globalization.CultureInfo.InvariantCulture))),
            stateChanged: false);
    }

    /// <summary>Drops a message seen before (same message id): at-least-once delivery must not act twice.</summary>
    async Task<bool> AcceptAsync(PermitMessage message)
    {
        if (this.seenMessages.Add(message.MessageId))
        {
            return true;
        }

        await this.RecordAsync("duplicate-message-ignored", SenderOf(message), Details(("messageId", message.MessageId), ("kind", message.GetType().Name)), stateChanged: false);
        return false;
    }

    /// <summary>Handles the messages that arrived before the workflow started waiting.</summary>
    async Task HandleArrivedMessagesAsync()
    {
        while (this.inbox.TryTake(out PermitMessage? message))
        {
            if (await this.AcceptAsync(message))
            {
                await this.HandleAsync(message);
            }
        }
    }

    /// <summary>Applies one message to the state, whatever the phase; a message that does not fit the state is recorded, not acted on.</summary>
    Task HandleAsync(PermitMessage message) => message switch
    {
        DocumentsSupplied documents => this.OnDocumentsSuppliedAsync(documents),
        FeePaid payment => this.OnFeePaidAsync(payment),
        InformationRequested request => this.OnInformationRequestedAsync(request),
        CaseworkerDecided decision => this.OnCaseworkerDecidedAsync(decision),
        FederalAcknowledged acknowledgement => this.OnFederalAcknowledgedAsync(acknowledgement),
        FederalInformationRequested federalRequest => this.OnFederalInformationRequestedAsync(federalRequest),
        FederalDecided federalDecision => this.OnFederalDecidedAsync(federalDecision),
        ThirdPartyRequested thirdPartyRequest => this.OnThirdPartyRequestedAsync(thirdPartyRequest),
        ThirdPartyAnswered thirdPartyAnswer => this.OnThirdPartyAnsweredAsync(thirdPartyAnswer),
        _ => throw new InvalidOperationException($"Unknown message type {message.GetType().Name}."),
    };

    async Task OnDocumentsSuppliedAsync(DocumentsSupplied message)
    {
        var types = Details(("types", string.Join(',', message.DocumentTypes)));
        if (this.stage is Stage.Admissibility or Stage.AwaitingApplicant)
        {
            this.missingDocuments = (await this.CheckAdmissibilityAsync()).MissingDocuments;
            await this.RecordAsync("documents-supplied", Actors.Employer, types);
            return;
        }

        if (this.openRequestId is string requestId)
        {
            this.CloseInformationRequest(this.PolicyTimeOf(message));
            await this.RecordAsync("information-supplied", Actors.Employer, Details(("requestId", requestId), ("types", string.Join(',', message.DocumentTypes))));
        }
        else
        {
            await this.RecordAsync("documents-supplied", Actors.Employer, types, stateChanged: false);
        }

        if (this.stage == Stage.AwaitingDecision && this.caseworkerDecision is null)
        {
            // New documents can change what the rules find (a search dossier, a diploma): assess again.
            await this.RecordAsync("reassessed", Actors.System, AssessmentDetails(await this.AssessAsync()), stateChanged: false);
        }
    }

    async Task OnFeePaidAsync(FeePaid message)
    {
        FeeTerms? fee = this.terms.Admissibility.Fee;
        var details = Details(("paymentId", message.PaymentId), ("amountCents", message.AmountCents.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (this.feeOutstanding && fee is not null && message.AmountCents >= fee.AmountCents && message.Currency == fee.Currency)
        {
            this.feeOutstanding = false;
            await this.RecordAsync("fee-paid", Actors.Employer, details);
        }
        else
        {
            await this.RecordAsync(this.feeOutstanding ? "fee-payment-insufficient" : "fee-payment-not-due", Actors.Employer, details, stateChanged: false);
        }
    }

    async Task OnInformationRequestedAsync(InformationRequested message)
    {
        if (this.stage != Stage.AwaitingDecision || this.caseworkerDecision is not null || this.openRequestId is not null)
        {
            await this.RecordAsync("information-request-ignored", Actors.Caseworker, Details(("requestId", message.RequestId)), stateChanged: false);
            return;
        }

        DateTimeOffset requestedAt = this.PolicyTimeOf(message);
        this.openRequestId = message.RequestId;
        this.openRequestDeadline = requestedAt.AddDays(message.DeadlineDays);
        this.sla.Pause(requestedAt, PauseReason.InformationRequested);
        await this.NotifyAsync(this.Applicant, NotificationKind.InformationRequested, $"information-requested:{message.RequestId}", [message.RequestId], this.openRequestDeadline);
        await this.RecordAsync("information-requested", Actors.Caseworker, Details(("requestId", message.RequestId), ("deadlineDays", message.DeadlineDays.ToString(System.Globalization.CultureInfo.InvariantCulture))));
    }

    async Task OnCaseworkerDecidedAsync(CaseworkerDecided message)
    {
        var details = Details(("decisionId", message.DecisionId), ("verdict", Codes.Of(message.Verdict)), ("grounds", string.Join(',', message.Grounds)));
        if (this.stage != Stage.AwaitingDecision || this.caseworkerDecision is not null)
        {
            await this.RecordAsync("caseworker-decision-ignored", Actors.Caseworker, details, stateChanged: false);
            return;
        }

        this.caseworkerDecision = message;
        this.openRequestId = null;
        this.openRequestDeadline = null;
        this.sla.Stop(this.PolicyTimeOf(message)); // what the SLA measures: submission to the caseworker's decision
        await this.RecordAsync("caseworker-decided", Actors.Caseworker, details);
    }

    async Task OnFederalAcknowledgedAsync(FederalAcknowledged message)
    {
        if (this.federal.Answers(message.HandoffId) && this.federal.Status == FederalLegStatus.HandedOff)
        {
            this.federal.Acknowledged();
            await this.RecordAsync("federal-acknowledged", Actors.FederalOffice, Details(("handoffId", message.HandoffId)));
            return;
        }

        await this.RecordFederalMessageNotActedOnAsync(message, message.HandoffId);
    }

    async Task OnFederalInformationRequestedAsync(FederalInformationRequested message)
    {
        if (this.federal.Answers(message.HandoffId))
        {
            this.federal.InformationRequested();
            await this.RecordAsync("federal-information-requested", Actors.FederalOffice, Details(("handoffId", message.HandoffId)));
            return;
        }

        await this.RecordFederalMessageNotActedOnAsync(message, message.HandoffId);
    }

    async Task OnFederalDecidedAsync(FederalDecided message)
    {
        if (this.federal.Answers(message.HandoffId))
        {
            this.federal.Decided(message.Verdict, message.ReasonCodes, this.PolicyTimeOf(message));
            await this.RecordAsync(
                "federal-decided",
                Actors.FederalOffice,
                Details(("handoffId", message.HandoffId), ("verdict", Codes.Of(message.Verdict)), ("reasons", string.Join(',', message.ReasonCodes))));
            return;
        }

        await this.RecordFederalMessageNotActedOnAsync(message, message.HandoffId);
    }

    async Task OnThirdPartyRequestedAsync(ThirdPartyRequested message)
    {
        bool fitsCategory = message.Kind != ThirdPartyKind.ScreeningAdvice || this.input.Category == PermitCategory.MinisterOfReligion;
        if (this.stage != Stage.AwaitingDecision || this.caseworkerDecision is not null || !fitsCategory
            || this.thirdParties.Any(t => t.RequestId == message.RequestId))
        {
            await this.RecordAsync("third-party-request-ignored", Actors.Caseworker, Details(("requestId", message.RequestId)), stateChanged: false);
            return;
        }

        var wait = new ThirdPartyWait(message, this.PolicyTimeOf(message));
        await this.context.CallActivityAsync<string>(
            nameof(SendThirdPartyRequestActivity),
            new ThirdPartyRequest($"{this.ApplicationId}:third-party:{message.RequestId}", this.ApplicationId, message.RequestId, message.Kind, message.Authority, message.DocumentType, wait.Deadline),
            Retry);
        this.thirdParties.Add(wait);
        await this.RecordAsync(
            "third-party-requested",
            Actors.Caseworker,
            Details(("requestId", message.RequestId), ("kind", Codes.Of(message.Kind)), ("authority", Codes.Of(message.Authority)), ("deadlineDays", message.DeadlineDays.ToString(System.Globalization.CultureInfo.InvariantCulture))));
    }

    async Task OnThirdPartyAnsweredAsync(ThirdPartyAnswered message)
    {
        ThirdPartyWait? wait = this.thirdParties.FirstOrDefault(t => t.RequestId == message.RequestId);
        var details = Details(("requestId", message.RequestId), ("answer", Codes.Of(message.Answer)));
        if (wait is null || wait.Answer is not null)
        {
            await this.RecordAsync(wait is null ? "third-party-answer-stale" : "duplicate-message-ignored", Actors.ThirdParty, details, stateChanged: false);
            return;
        }

        // An answer after the deadline still counts as the answer: the caseworker wants it, late or not.
        wait.Answered(message.Answer, this.PolicyTimeOf(message));
        await this.RecordAsync("third-party-answered", Actors.ThirdParty, details);
    }

    /// <summary>The earliest deadline the assessment waits on: the employer's answer or a third party's.</summary>
    DateTimeOffset? NextWaitDeadline() =>
        this.thirdParties.Where(t => t.IsOpen).Select(t => (DateTimeOffset?)t.Deadline).Append(this.openRequestDeadline).Min();

    /// <summary>Closes the waits whose deadline passed: the clock runs again, the caseworker decides on what is there.</summary>
    async Task ExpireDueWaitsAsync()
    {
        DateTimeOffset now = this.Now() + Tolerance;
        if (this.openRequestId is string expired && this.openRequestDeadline <= now)
        {
            this.CloseInformationRequest(this.Now());
            await this.RecordAsync("information-request-expired", Actors.System, Details(("requestId", expired)));
        }

        foreach (ThirdPartyWait wait in this.thirdParties.Where(t => t.IsOpen && t.Deadline <= now))
        {
            wait.Expire();
            await this.RecordAsync("third-party-request-expired", Actors.System, Details(("requestId", wait.RequestId), ("kind", Codes.Of(wait.Kind))));
        }
    }

    /// <summary>A federal message for a leg that was cancelled or already answered is late; for another handoff, stale.</summary>
    Task<string> RecordFederalMessageNotActedOnAsync(PermitMessage message, string handoffId)
    {
        string kind = message switch
        {
            FederalDecided => "federal-decision",
            FederalAcknowledged => "federal-acknowledgement",
            _ => "federal-information-request",
        };
        string verdict = this.federal.Concerns(handoffId) ? "late" : "stale";
        return this.RecordAsync($"{kind}-{verdict}", Actors.FederalOffice, Details(("handoffId", handoffId), ("messageId", message.MessageId)), stateChanged: false);
    }

    async Task BecomeCompleteAsync()
    {
        this.completeAt = this.Now();
        this.applicantDeadline = null;
        this.stage = Stage.Assessment;
        await this.RecordAsync("admissible", Actors.System);
    }

    async Task CancelFederalLegAsync()
    {
        await this.SendFederalAsync(FederalOutboundKind.Cancellation, this.federal.HandoffId!);
        this.federal.Cancelled();
        await this.RecordAsync("federal-leg-cancelled", Actors.System, Details(("handoffId", this.federal.HandoffId!)));
    }

    void CloseInformationRequest(DateTimeOffset at)
    {
        this.sla.Resume(at);
        this.openRequestId = null;
        this.openRequestDeadline = null;
    }

    Task<AdmissibilityFindings> CheckAdmissibilityAsync() =>
        this.context.CallActivityAsync<AdmissibilityFindings>(
            nameof(CheckAdmissibilityActivity), new AdmissibilityCheck(this.ApplicationId, this.terms.Admissibility.RequiredDocuments), Retry);

    Task<AssessmentSummary> AssessAsync() =>
        this.context.CallActivityAsync<AssessmentSummary>(nameof(AssessApplicationActivity), this.ApplicationId, Retry);

    static Dictionary<string, string> AssessmentDetails(AssessmentSummary assessment) => Details(
        ("rulesNotMet", string.Join(',', assessment.RulesNotMet)),
        ("needsJudgement", string.Join(',', assessment.RulesNeedingJudgement)),
        ("signals", string.Join(',', assessment.Signals.Select(Codes.Of))));

    Task<string> SendFederalAsync(FederalOutboundKind kind, string handoffId) =>
        this.context.CallActivityAsync<string>(
            nameof(SendFederalMessageActivity),
            new FederalOutboundMessage(
                MessageId: $"{this.ApplicationId}:{Codes.Of(kind)}",
                kind,
                this.ApplicationId,
                handoffId,
                CorrelationId: this.ApplicationId,
                this.input.Category,
                SentAt: this.context.CurrentUtcDateTime),
            Retry);

    Task<string> NotifyAsync(Party party, NotificationKind kind, string subject, IReadOnlyList<string> items, DateTimeOffset? deadline, string? letter = null) =>
        this.context.CallActivityAsync<string>(
            nameof(NotifyPartyActivity),
            new PartyNotification($"{this.ApplicationId}:{subject}:{Codes.Of(party)}", this.ApplicationId, party, kind, items, deadline, letter),
            Retry);

    /// <summary>Records a step in the audit log and, when the state changed, in the case index; refreshes the custom status.</summary>
    Task<string> RecordAsync(string eventCode, string actor, IReadOnlyDictionary<string, string>? details = null, bool stateChanged = true)
    {
        this.step++;
        var audit = new AuditEntry(
            this.ApplicationId,
            $"wf-{this.step:D4}-{eventCode}",
            this.context.CurrentUtcDateTime,
            eventCode,
            actor,
            details ?? Details());
        CaseSnapshot? snapshot = stateChanged ? this.Snapshot() : null;
        this.context.SetCustomStatus(this.Status());
        return this.context.CallActivityAsync<string>(nameof(RecordProgressActivity), new ProgressRecord(audit, snapshot), Retry);
    }

    CaseSnapshot Snapshot() => new(
        this.ApplicationId,
        this.input.Category,
        this.stage,
        this.input.SubmittedAt,
        this.input.PolicyDayLength,
        SlaSnapshot.Of(this.sla),
        this.federal.Snapshot(),
        this.AwaitingItems(),
        this.applicantDeadline,
        this.openRequestId,
        this.completeAt,
        this.completeAt is DateTimeOffset complete ? this.terms.OverallDeadline?.DeadlineFrom(complete) : null,
        this.outcome,
        this.grounds,
        this.closedAt,
        ++this.revision,
        [.. this.thirdParties.Select(t => t.Snapshot())]);

    PermitStatus Status()
    {
        DateTimeOffset now = this.Now();
        return new PermitStatus(this.stage, this.sla.StateAsOf(now), this.sla.DueAsOf(now), this.federal.Status, this.AwaitingItems(), this.outcome);
    }

    /// <summary>What the application waits for right now, as codes.</summary>
    List<string> AwaitingItems()
    {
        var items = new List<string>();
        if (this.stage is Stage.Admissibility or Stage.AwaitingApplicant)
        {
            items.AddRange(this.missingDocuments);
            if (this.feeOutstanding)
            {
                items.Add("fee");
            }
        }

        if (this.openRequestId is not null)
        {
            items.Add("information-response");
        }

        items.AddRange(this.thirdParties.Where(t => t.IsOpen).Select(t => $"third-party:{Codes.Of(t.Kind)}"));
        if (this.stage == Stage.AwaitingDecision && this.caseworkerDecision is null)
        {
            items.Add("caseworker-decision");
        }

        if (this.stage is Stage.AwaitingDecision or Stage.AwaitingFederalDecision && this.federal.IsAwaitingAnswer)
        {
            items.Add("federal-decision");
        }

        return items;
    }

    DateTimeOffset Now() => this.clock.ToPolicy(new DateTimeOffset(this.context.CurrentUtcDateTime, TimeSpan.Zero));

    DateTimeOffset PolicyTimeOf(PermitMessage message) => this.clock.ToPolicy(message.At);

    static string SenderOf(PermitMessage message) => message switch
    {
        FederalAcknowledged or FederalInformationRequested or FederalDecided => Actors.FederalOffice,
        InformationRequested or CaseworkerDecided or ThirdPartyRequested => Actors.Caseworker,
        ThirdPartyAnswered => Actors.ThirdParty,
        _ => Actors.Employer,
    };

    static Dictionary<string, string> Details(params (string Key, string Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
}
