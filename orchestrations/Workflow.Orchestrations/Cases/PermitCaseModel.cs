using Workflow.Orchestrations.Activities;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Ports;
using Workflow.Orchestrations.Sla;

namespace Workflow.Orchestrations.Cases;

/// <summary>
/// The permit procedure as a pure function: <c>case + input → case + effects</c>. No engine, no I/O, no clock of its own:
/// the workflow feeds it messages, deadlines and the results of work, carries out the effects it returns, and does the
/// work it asks for; the API asks it whether a command is still admissible (<see cref="Admits"/>) on the case as the
/// case index keeps it. Everything the procedure decides is decided here, and tested here without Azurite.
/// </summary>
/// <remarks>
/// The phases (concept note §2): a function excluded outright (§2.3) is inadmissible on receipt; admissibility on the
/// one-view (§2.9; an excluded employer or director cannot apply, §2.1; documents and the fee, with a deadline during which the SLA clock waits on the applicant); then, in parallel, the
/// Flemish assessment (rules and fraud signals for the caseworker, third parties when in doubt, the caseworker's decision)
/// and the federal leg (§2.4); the combined decision (granted only if both sides approve; a Flemish refusal cancels the
/// federal leg); the letter and the notifications. SLA milestones and deadlines fall due on <see cref="TimeReached"/>.
/// </remarks>
public static partial class PermitCaseModel
{
    /// <summary>
    /// How early (in real time) a moment still counts as reached. Timers fire in real time; a policy moment mapped to
    /// real time and back loses up to a tick times the clock's speed (8.6 ms of policy time at a second per policy day),
    /// so "is it due?" is asked in real time, where a timer that fired is never early.
    /// </summary>
    internal static readonly TimeSpan RealTolerance = TimeSpan.FromMilliseconds(1);

    /// <summary>Whether the policy moment <paramref name="at"/> has come by <paramref name="realNow"/>.</summary>
    public static bool IsDue(PermitCase state, DateTimeOffset? at, DateTimeOffset realNow)
    {
        ArgumentNullException.ThrowIfNull(state);
        return at is DateTimeOffset moment && state.Clock().ToReal(moment) <= realNow + RealTolerance;
    }

    /// <summary>How many handled message ids the case remembers; older duplicates are stopped at the edge by the command records.</summary>
    internal const int RememberedMessages = 200;

    /// <summary>How many federal messages the case holds for a handoff it has not recorded yet (the office sends three at most).</summary>
    internal const int MaxHeldFederalMessages = 8;

    /// <summary>The id of the one handoff a case sends to the federal office: fixed, so a resend after a crash is the same handoff.</summary>
    internal static string FirstHandoffId(string applicationId) => $"{applicationId}-h1";

    /// <summary>A new case, as submitted: the workflow records its receipt and reads the authentic sources first.</summary>
    public static Transition Start(PermitApplicationInput input, string workflowVersion, DateTimeOffset realNow)
    {
        ArgumentNullException.ThrowIfNull(input);
        var initial = new PermitCase
        {
            ApplicationId = input.ApplicationId,
            Category = input.Category,
            SubmittedAt = input.SubmittedAt,
            PolicyDayLength = input.PolicyDayLength,
            Terms = input.Terms,
            WorkflowVersion = workflowVersion,
            Renews = input.Renews,
            Sla = SlaSnapshot.Of(new SlaClock(input.Terms.Sla, input.Clock().ToPolicy(input.SubmittedAt))),
            Federal = new FederalLegSnapshot(input.Category.HasFederalLeg() ? FederalLegStatus.NotStarted : FederalLegStatus.NotApplicable, null, null, null, []),
            Fee = input.Terms.Admissibility.Fee is null ? FeeStatus.NotDue : FeeStatus.Due,
        };

        var change = new CaseChange(initial, realNow);
        if (input.Renews is string renews)
        {
            change.Record(CaseEvents.Received, Actors.System, ("renews", renews));
        }
        else
        {
            change.Record(CaseEvents.Received, Actors.System);
        }

        change.Set(c => c with { Stage = Stage.Admissibility });
        if (input.FunctionExcluded)
        {
            // §2.3 excludes the function outright: nothing to read, no fee, no federal office; the letter names the
            // ground. The level is the one declared: a file that declares a higher level is verified by the caseworker.
            change.Record(CaseEvents.FunctionExcluded, Actors.System, ("category", Codes.Of(input.Category)));
            Decide(change, Outcome.Inadmissible, [DecisionGrounds.FunctionExcluded.Code]);
            return change.Done();
        }

        change.Ask(CaseWork.GatherSources);
        return change.Done();
    }

    /// <summary>Moves the case on by one input, at <paramref name="realNow"/> (the workflow's replay-safe time).</summary>
    public static Transition Apply(PermitCase state, CaseInput input, DateTimeOffset realNow)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(input);
        var change = new CaseChange(state, realNow);
        if (state.IsClosed)
        {
            return change.Done(); // nothing moves a closed case; late messages are answered at the edge
        }

        switch (input)
        {
            case MessageReceived received:
                OnMessage(change, received.Message);
                break;
            case TimeReached:
                OnTime(change);
                break;
            case SourcesRead read:
                Done(change, CaseWork.GatherSources);
                OnSourcesRead(change, read.Gathered);
                break;
            case AdmissibilityChecked checkedInput:
                Done(change, CaseWork.CheckAdmissibility);
                OnAdmissibilityChecked(change, checkedInput.Findings);
                break;
            case Assessed assessed:
                Done(change, CaseWork.Assess);
                OnAssessed(change, assessed.Summary);
                break;
            case LetterIssued letter:
                Done(change, CaseWork.IssueLetter);
                OnLetterIssued(change, letter.Letter);
                break;
            default:
                throw new ArgumentException($"Unknown case input {input.GetType().Name}.", nameof(input));
        }

        return change.Done();
    }

    /// <summary>
    /// When the workflow must look again if nothing arrives (policy time): the earliest milestone not yet fired or
    /// deadline not yet passed. Null when only a message can move the case on.
    /// </summary>
    public static DateTimeOffset? NextWakeUp(PermitCase state, DateTimeOffset realNow)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.IsDecided)
        {
            return null;
        }

        DateTimeOffset?[] times =
        [
            NextMilestone(state, state.Clock().ToPolicy(realNow))?.At,
            state.ApplicantDeadline,
            state.InformationRequest?.Deadline,
            .. state.OpenThirdParties.Select(t => (DateTimeOffset?)t.Deadline),
        ];
        return times.Min();
    }

    /// <summary>The outcome of a closed case, as the workflow returns it.</summary>
    public static PermitApplicationResult Result(PermitCase state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state is { IsClosed: true, Outcome: Outcome outcome, DecidedAt: DateTimeOffset decidedAt, Letter: string letter }
            ? new PermitApplicationResult(outcome, state.Grounds, decidedAt, letter)
            : throw new InvalidOperationException($"Application {state.ApplicationId} is not closed.");
    }

    static void Done(CaseChange change, CaseWork work)
    {
        if (change.State.PendingWork.Contains(work))
        {
            change.Set(c => c with { PendingWork = [.. c.PendingWork.Where(w => w != work)] });
        }
    }

    static void OnSourcesRead(CaseChange change, SourcesGathered gathered)
    {
        change.Record(
            CaseEvents.SourcesGathered,
            Actors.System,
            ("sourceRecords", CaseChange.Text(gathered.RecordCount)),
            ("sources", CaseChange.List(gathered.Sources.Select(Codes.Of))));
        if (change.State.InAdmissibility)
        {
            change.Ask(CaseWork.CheckAdmissibility);
        }
    }

    /// <summary>
    /// Admissibility on the one-view (§2.9): an excluded employer or director cannot apply (§2.1); a complete file (the
    /// required documents and, unless exempt, the fee) goes on to the assessment; otherwise the applicant is told what is
    /// missing, with a deadline, and the SLA clock waits.
    /// </summary>
    static void OnAdmissibilityChecked(CaseChange change, AdmissibilityFindings findings)
    {
        if (!change.State.InAdmissibility)
        {
            return; // a correction's re-check that a decision overtook
        }

        if (findings.Excluded)
        {
            change.Record(CaseEvents.ExcludedParty, Actors.System, ("parties", CaseChange.List(findings.ExcludedParties.Select(Codes.Of))));
            Decide(change, Outcome.Inadmissible, ExclusionGrounds(findings.ExcludedParties));
            return;
        }

        if (findings.CorrectnessIssues.Count > 0)
        {
            change.Record(CaseEvents.CorrectnessIssues, Actors.System, ("issues", CaseChange.List(findings.CorrectnessIssues)));
        }

        change.Set(c => c with { MissingDocuments = findings.MissingDocuments });
        if (IsComplete(change.State))
        {
            BecomeAdmissible(change);
            return;
        }

        if (change.State.Stage != Stage.AwaitingApplicant)
        {
            AwaitApplicant(change, PauseReason.AwaitingApplicant);
        }
    }

    /// <summary>The ground as the note names it (§2.1): an excluded director is not an excluded employer.</summary>
    static List<string> ExclusionGrounds(IReadOnlyList<ExcludedParty> parties)
    {
        var grounds = new List<string>(2);
        if (parties.Contains(ExcludedParty.Employer))
        {
            grounds.Add(DecisionGrounds.EmployerExcluded.Code);
        }

        if (parties.Contains(ExcludedParty.Director))
        {
            grounds.Add(DecisionGrounds.DirectorExcluded.Code);
        }

        return grounds;
    }

    static bool IsComplete(PermitCase state) => state.MissingDocuments.Count == 0 && !state.FeeOutstanding;

    /// <summary>Tells the applicant what is missing, with a deadline; the SLA clock waits on the applicant meanwhile.</summary>
    static void AwaitApplicant(CaseChange change, PauseReason reason)
    {
        DateTimeOffset deadline = change.Now.AddDays(change.State.Terms.Admissibility.CompletionDeadlineDays);
        change.Clock(clock => clock.Pause(change.Now, reason));
        change.Set(c => c with { Stage = c.InAdmissibility ? Stage.AwaitingApplicant : c.Stage, ApplicantDeadline = deadline });
        IReadOnlyList<string> items = change.State.ApplicantItems;
        change.Notify(change.State.Applicant, NotificationKind.ItemsMissing, reason == PauseReason.FeeReversed ? "fee-due-again" : "items-missing", items, deadline);
        change.Record(reason == PauseReason.FeeReversed ? CaseEvents.FeeDueAgain : CaseEvents.ItemsMissing, Actors.System, ("items", CaseChange.List(items)));
    }

    /// <summary>
    /// The file is complete: the federal leg starts (single permits) and the rules are assessed for the caseworker. A
    /// file that waited on the applicant is complete from the moment the last missing item came in (the clock resumes
    /// then, not when the check that found it complete ran).
    /// </summary>
    static void BecomeAdmissible(CaseChange change)
    {
        DateTimeOffset completeAt = change.Now;
        if (change.State.Stage == Stage.AwaitingApplicant)
        {
            completeAt = change.State.LastApplicantInputAt is DateTimeOffset input && input < change.Now ? input : change.Now;
            change.Clock(clock => clock.Resume(completeAt));
        }

        change.Set(c => c with { CompleteAt = completeAt, ApplicantDeadline = null, Stage = Stage.Assessment });
        change.Record(CaseEvents.Admissible, Actors.System);

        if (change.State.Federal.Status == FederalLegStatus.NotStarted)
        {
            string handoffId = FirstHandoffId(change.ApplicationId);
            change.SendFederal(FederalOutboundKind.Handoff, handoffId);
            change.Set(c => c with { Federal = c.Federal with { Status = FederalLegStatus.HandedOff, HandoffId = handoffId, HandedOffAt = change.Now } });
            change.Record(CaseEvents.FederalHandoffSent, Actors.System, ("handoffId", handoffId));
        }

        change.Ask(CaseWork.Assess);
        JudgeHeldFederalMessages(change);
    }

    static void OnAssessed(CaseChange change, AssessmentSummary assessment)
    {
        List<(string, string)> details =
        [
            ("rulesNotMet", CaseChange.List(assessment.RulesNotMet)),
            ("needsJudgement", CaseChange.List(assessment.RulesNeedingJudgement)),
            ("signals", CaseChange.List(assessment.Signals.Select(Codes.Of))),
        ];
        if (assessment.RulesListIncomplete is { Count: > 0 } incomplete)
        {
            details.Add(("listIncomplete", CaseChange.List(incomplete)));
        }

        if (change.State.Stage == Stage.Assessment)
        {
            change.Set(c => c with { Stage = Stage.AwaitingDecision });
            change.Record(CaseEvents.AwaitingDecision, Actors.System, [.. details]);
            EvaluateVerdicts(change);
        }
        else if (!change.State.IsDecided)
        {
            change.Record(CaseEvents.Reassessed, Actors.System, [.. details]);
        }
    }

    /// <summary>
    /// The combined decision, once it can be taken (§2.4): no single permit without residence, so a federal refusal
    /// refuses; a Flemish refusal refuses and cancels the federal leg; a Flemish approval grants once the federal office
    /// approved too (and the fee stands).
    /// </summary>
    static void EvaluateVerdicts(CaseChange change)
    {
        PermitCase state = change.State;
        if (state.Stage is not (Stage.AwaitingDecision or Stage.AwaitingFederalDecision))
        {
            return;
        }

        if (state.Federal.Status == FederalLegStatus.Refused)
        {
            IEnumerable<string> flemish = state.CaseworkerDecision is { Verdict: CaseworkerVerdict.Refuse } refusal ? refusal.Grounds : [];
            Decide(change, Outcome.Refused, [DecisionGrounds.ResidenceRefused.Code, .. flemish]);
            return;
        }

        switch (state.CaseworkerDecision)
        {
            case { Verdict: CaseworkerVerdict.Refuse } refused:
                Decide(change, Outcome.Refused, refused.Grounds);
                return;
            case { Verdict: CaseworkerVerdict.Approve }:
                if (state.FeeOutstanding)
                {
                    return; // the fee was reversed: the grant waits for it (or the deadline makes the file inadmissible)
                }

                if (FederalAwaited(state))
                {
                    if (state.Stage != Stage.AwaitingFederalDecision)
                    {
                        change.Set(c => c with { Stage = Stage.AwaitingFederalDecision });
                        change.Record(CaseEvents.AwaitingFederalDecision, Actors.System);
                    }

                    return;
                }

                Decide(change, Outcome.Granted, []);
                return;
        }
    }

    static bool FederalAwaited(PermitCase state) =>
        state.Federal.Status is FederalLegStatus.HandedOff or FederalLegStatus.Acknowledged or FederalLegStatus.InformationRequested;

    /// <summary>The decision: the SLA clock stops, a federal leg still running is cancelled, the letter is written next.</summary>
    static void Decide(CaseChange change, Outcome outcome, IReadOnlyList<string> grounds)
    {
        change.Clock(clock => clock.Stop(change.Now));
        change.Set(c => c with
        {
            Stage = Stage.Deciding,
            Outcome = outcome,
            Grounds = grounds,
            DecidedAt = change.Now,
            ApplicantDeadline = null,
            InformationRequest = null,
            PendingWork = [],
        });
        if (FederalAwaited(change.State))
        {
            string handoffId = change.State.Federal.HandoffId!;
            change.SendFederal(FederalOutboundKind.Cancellation, handoffId);
            change.Set(c => c with { Federal = c.Federal with { Status = FederalLegStatus.Cancelled } });
            change.Record(CaseEvents.FederalLegCancelled, Actors.System, ("handoffId", handoffId));
        }

        change.Record(CaseEvents.Decided, Actors.System, ("outcome", Codes.Of(outcome)), ("grounds", CaseChange.List(grounds)));
        change.Ask(CaseWork.IssueLetter);
        JudgeHeldFederalMessages(change); // decided before the leg started: late, each with its fate
    }

    /// <summary>The letter is in the dossier: the parties are notified and the case closes.</summary>
    static void OnLetterIssued(CaseChange change, string letter)
    {
        if (change.State.Stage != Stage.Deciding)
        {
            return;
        }

        Party[] parties = change.State.Applicant == Party.Worker ? [Party.Worker] : [Party.Employer, Party.Worker];
        foreach (Party party in parties)
        {
            change.Notify(party, NotificationKind.Decision, "decision", [], null, letter);
        }

        change.Set(c => c with { Stage = Stage.Closed, ClosedAt = change.Now, Letter = letter });
        change.Record(CaseEvents.Closed, Actors.System, ("letter", letter));
    }

    /// <summary>The milestones of the case as they fall now, and the earliest one not fired yet.</summary>
    internal static PlannedMilestone? NextMilestone(PermitCase state, DateTimeOffset asOf)
    {
        SlaClock sla = state.SlaClock();
        IEnumerable<PlannedMilestone> plan = MilestonePlan.Plan(
            state.Terms,
            sla,
            federalAwaitedSince: FederalAwaited(state) ? state.Federal.HandedOffAt : null,
            completeSince: state.Stage is Stage.Assessment or Stage.AwaitingDecision or Stage.AwaitingFederalDecision ? state.CompleteAt : null,
            asOf);
        return MilestonePlan.Next(plan, state.FiredMilestones.ToHashSet());
    }
}
