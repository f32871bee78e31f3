using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Workflow.Orchestrations.Activities;
using Workflow.Orchestrations.Cases;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Domain;

namespace Workflow.Orchestrations.Workflows.PermitApplication;

/// <summary>
/// Drives one case through <see cref="PermitCaseModel"/> (version 2.0): it waits, feeds the model, does the work the model
/// asks for and carries out the effects it returns. It decides nothing itself. Deterministic: time is the context's,
/// effects and work are activities, messages come through the <see cref="EventInbox"/>.
/// </summary>
internal sealed partial class PermitWorkflow(TaskOrchestrationContext context, PermitApplicationInput input)
{
    /// <summary>Activities touch storage; transient failures are retried (real time, not policy time).</summary>
    static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 6, firstRetryInterval: TimeSpan.FromSeconds(1), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromSeconds(30)));

    /// <summary>
    /// Timers are set this much after their moment. The Azure Storage provider hides a timer's message for whole seconds,
    /// so a timer can fire up to a second before its time; set on the moment itself, the workflow would see it early,
    /// find nothing due, and set it again, over and over. A second late is nothing on a 24-hour policy day.
    /// </summary>
    static readonly TimeSpan TimerMargin = TimeSpan.FromSeconds(1);

    readonly EventInbox inbox = new(context);

    /// <summary>The stage the last carried-out transition recorded (none before the first).</summary>
    Stage? recordedStage;

    /// <summary>The timer of the last wait, which a message won, kept for a next wait on the same moment (2.3).</summary>
    WaitTimer? keptTimer;

    DateTimeOffset RealNow => new(context.CurrentUtcDateTime, TimeSpan.Zero);

    public async Task<PermitApplicationResult> RunAsync()
    {
        Transition transition = PermitCaseModel.Start(input, context.Version, this.RealNow);

        // Bounded: every round consumes a message (their number is capped per application by the API and the model's
        // limits), a piece of work, or a milestone or deadline (a handful), so no ContinueAsNew is needed (DURABLE0011).
#pragma warning disable DURABLE0011
        while (true)
        {
            IReadOnlyList<Transition> parts = this.TakesArrivedTogether ? this.WithArrived(transition) : [transition];
            if (this.RecordsWithWork && this.GoesWithWork(parts))
            {
                PermitCase asked = parts[^1].State;
                transition = PermitCaseModel.Apply(asked, await this.CarryOutThenWorkAsync(parts), this.RealNow);
                continue;
            }

            PermitCase state = await this.CarryOutAsync(parts);
            if (state.IsClosed)
            {
                this.keptTimer?.Cancel();
                return PermitCaseModel.Result(state);
            }

            (CaseInput next, DateTimeOffset at) = await this.NextInputAsync(state);
            transition = PermitCaseModel.Apply(state, next, at);
        }
#pragma warning restore DURABLE0011
    }

    /// <summary>Version 2.2 and later: the messages that have arrived are taken with the transition before it is carried out.</summary>
    bool TakesArrivedTogether => context.CompareVersionTo(PermitWorkflowVersions.ArrivedTogether) >= 0;

    /// <summary>
    /// The transition followed by one for each message that has already arrived, in the order they arrived, until the
    /// case closes (a closed case takes no more). Before 2.2 each of these messages came next anyway (<see cref="NextInputAsync"/>
    /// takes an arrived message before any work or wait), each carried out by an activity of its own; now they are
    /// carried out together, so the model sees the same inputs in the same order, at this moment. Messages arrive in the
    /// inbox while the workflow awaits an activity (the engine feeds an episode's events one at a time, so one that
    /// wakes a waiting workflow is taken alone and those behind it arrive while its record runs).
    /// </summary>
    List<Transition> WithArrived(Transition transition)
    {
        var parts = new List<Transition> { transition };
        while (!parts[^1].State.IsClosed && this.inbox.TryTake(out PermitMessage? arrived))
        {
            parts.Add(PermitCaseModel.Apply(parts[^1].State, new MessageReceived(arrived), this.RealNow));
        }

        return parts;
    }

    /// <summary>Version 2.1 and later: every transition is carried out by <see cref="RecordThenWorkActivity"/>, with the work it asks for or without.</summary>
    bool RecordsWithWork => context.CompareVersionTo(PermitWorkflowVersions.RecordWithWork) >= 0;

    /// <summary>
    /// Whether a transition's effects go with the work it asks for, in one activity (version 2.1): it has effects, asks
    /// for work, and no message is waiting (a waiting message comes first, after the effects, as before). Never the
    /// letter: it is written from a decision the engine has committed, in an activity of its own after the decision's
    /// record. The Azure Storage provider sends an episode's activities before it commits the episode, so an activity
    /// scheduled with the decision could run for a decision that a host's crash loses and the retried episode takes
    /// otherwise (docs/design.md, "A crash between an episode's messages and its commit"); sources, admissibility and
    /// assessment read the dossier and come out the same on either path.
    /// </summary>
    bool GoesWithWork(IReadOnlyList<Transition> parts) =>
        parts.Any(part => !part.IsQuiet) && parts[^1].State.PendingWork is [var work, ..] && work != CaseWork.IssueLetter
        && !parts[^1].State.IsClosed && !this.inbox.HasArrived;

    /// <summary>
    /// What moves the case on next, and the moment it happens: a message that already arrived (first, so a fee paid
    /// before a check counts in it); else the work the model asked for; else the next message, or the time the model
    /// waits for.
    /// </summary>
    async Task<(CaseInput Input, DateTimeOffset At)> NextInputAsync(PermitCase state)
    {
        if (this.inbox.TryTake(out PermitMessage? arrived))
        {
            return (new MessageReceived(arrived), this.RealNow);
        }

        if (state.PendingWork.Count > 0)
        {
            return (await this.DoAsync(state.PendingWork[0], state), this.RealNow);
        }

        DateTimeOffset? wakeAt = PermitCaseModel.NextWakeUp(state, this.RealNow);
        if (PermitCaseModel.IsDue(state, wakeAt, this.RealNow))
        {
            return (TimeReached.Instance, this.RealNow);
        }

        DateTimeOffset? dueAt = wakeAt is DateTimeOffset at ? state.Clock().ToReal(at) : null;
        WaitTimer? timer = this.TimerFor(dueAt);
        PermitMessage? message = await this.inbox.NextAsync(timer?.Fires);
        if (message is null)
        {
            // The timer fired: its moment has come, whatever the engine's clock reads (see TimerMargin).
            timer?.Cancellation.Dispose();
            this.keptTimer = null;
            DateTimeOffset reached = dueAt!.Value;
            return (TimeReached.Instance, this.RealNow > reached ? this.RealNow : reached);
        }

        // The timer lost the race: from 2.3 it waits for the next wait, which cancels it if its moment is another.
        if (this.KeepsTimers)
        {
            this.keptTimer = timer;
        }
        else
        {
            timer?.Cancel();
        }

        return (new MessageReceived(message), this.RealNow);
    }

    /// <summary>Version 2.3 and later: a timer that lost its race is kept for the next wait on the same moment.</summary>
    bool KeepsTimers => context.CompareVersionTo(PermitWorkflowVersions.KeptTimers) >= 0;

    /// <summary>The timer for a wait until <paramref name="dueAt"/> (none without a moment): the kept one if it is set for that moment; else a new one, the kept one cancelled.</summary>
    WaitTimer? TimerFor(DateTimeOffset? dueAt)
    {
        if (this.keptTimer is WaitTimer kept)
        {
            if (kept.Due == dueAt)
            {
                return kept;
            }

            kept.Cancel();
            this.keptTimer = null;
        }

        if (dueAt is not DateTimeOffset due)
        {
            return null;
        }

        var cancellation = new CancellationTokenSource();
        return new WaitTimer(due, context.CreateTimer((due + TimerMargin).UtcDateTime, cancellation.Token), cancellation);
    }

    /// <summary>A wait's timer, set for <see cref="Due"/> (plus the margin), with what cancels it.</summary>
    sealed record WaitTimer(DateTimeOffset Due, Task Fires, CancellationTokenSource Cancellation)
    {
        public void Cancel()
        {
            this.Cancellation.Cancel();
            this.Cancellation.Dispose();
        }
    }

    /// <summary>
    /// Carries out a transition and does the first work it asks for, in one activity; returns the work's result. A result
    /// of other work (or of none) is not this step's: the engine hands a step the result of the activity it scheduled at
    /// the same place, and after a crash between an episode's messages and its commit that can be one the lost episode
    /// scheduled for another order of messages (docs/design.md). Then the work is done again, on its own.
    /// </summary>
    async Task<CaseInput> CarryOutThenWorkAsync(IReadOnlyList<Transition> parts)
    {
        PermitCase state = parts[^1].State;
        CaseWork work = state.PendingWork[0];
        CaseWorkDone done = await context.CallActivityAsync<CaseWorkDone>(
            nameof(RecordThenWorkActivity),
            new CaseWorkOrder(this.Prepare(parts), work, work == CaseWork.CheckAdmissibility ? state.Terms.Admissibility.RequiredDocuments : null),
            Retry);
        return (done.Work == work ? done : null) switch
        {
            { Sources: SourcesGathered sources } => new SourcesRead(sources),
            { Admissibility: AdmissibilityFindings findings } => new AdmissibilityChecked(findings),
            { Assessment: AssessmentSummary assessment } => new Assessed(assessment),
            _ => await this.DoAsync(work, state),
        };
    }

    async Task<CaseInput> DoAsync(CaseWork work, PermitCase state) => work switch
    {
        CaseWork.GatherSources => new SourcesRead(
            await context.CallActivityAsync<SourcesGathered>(nameof(GatherAuthenticSourcesActivity), state.ApplicationId, Retry)),
        CaseWork.CheckAdmissibility => new AdmissibilityChecked(
            await context.CallActivityAsync<AdmissibilityFindings>(
                nameof(CheckAdmissibilityActivity), new AdmissibilityCheck(state.ApplicationId, state.Terms.Admissibility.RequiredDocuments), Retry)),
        CaseWork.Assess => new Assessed(
            await context.CallActivityAsync<AssessmentSummary>(nameof(AssessApplicationActivity), state.ApplicationId, Retry)),
        CaseWork.IssueLetter => new LetterIssued(
            await context.CallActivityAsync<string>(
                nameof(IssueDecisionLetterActivity), new LetterRequest(state.ApplicationId, state.Outcome!.Value, state.Grounds, state.DecidedAt!.Value), Retry)),
        _ => throw new InvalidOperationException($"Unknown work {work}."),
    };

    /// <summary>
    /// Carries out a transition's effects with one activity (nothing when it has none): since 2.1 the same activity that
    /// carries out transitions with work, so every step of the workflow's history that records is of one kind and one
    /// result type, whichever order of messages a crash's retry takes.
    /// </summary>
    async Task<PermitCase> CarryOutAsync(IReadOnlyList<Transition> parts)
    {
        if (parts.All(part => part.IsQuiet))
        {
            return parts[^1].State;
        }

        if (this.RecordsWithWork)
        {
            await context.CallActivityAsync<CaseWorkDone>(nameof(RecordThenWorkActivity), new CaseWorkOrder(this.Prepare(parts), Work: null), Retry);
        }
        else
        {
            await context.CallActivityAsync<int>(nameof(RecordTransitionActivity), this.Prepare(parts), Retry);
        }

        return parts[^1].State;
    }

    /// <summary>
    /// What carrying out a transition (or several taken together) records, once the custom status shows the last stage
    /// (and each stage change, milestone and decision is logged). The case index gets the last state without the message
    /// ids the workflow remembers for itself, stamped with this episode's time (<see cref="RecordOrder"/>); stages
    /// entered and left again within the record are counted for the metrics.
    /// </summary>
    TransitionRecord Prepare(IReadOnlyList<Transition> parts)
    {
        Transition whole = parts.Skip(1).Aggregate(parts[0], (sofar, next) => sofar.Then(next));
        PermitCase state = whole.State;
        var entered = new List<Stage>();
        foreach (Transition part in parts)
        {
            bool entersStage = part.StateChanged && part.State.Stage != this.recordedStage;
            if (entersStage)
            {
                entered.Add(part.State.Stage);
                this.recordedStage = part.State.Stage;
            }

            this.Log(part, entersStage);
        }

        if (whole.StateChanged)
        {
            context.SetCustomStatus(state.Status(state.Clock().ToPolicy(this.RealNow)));
        }

        // The last stage entered is the state's own (a part that does not change the state keeps the stage).
        IReadOnlyList<Stage>? passed = entered.Count > 1 ? [.. entered.Take(entered.Count - 1)] : null;
        return new TransitionRecord(
            state.ApplicationId, this.RealNow, whole.Effects, whole.StateChanged ? state with { HandledMessages = [], RecordedAt = this.RealNow } : null, EntersStage: entered.Count > 0, passed);
    }

    /// <summary>Stage changes, milestones and the decision, as codes; replay-safe (logged once, not on every replay).</summary>
    void Log(Transition transition, bool entersStage)
    {
        ILogger logger = context.CreateReplaySafeLogger<PermitApplicationOrchestrator>();
        PermitCase state = transition.State;
        if (entersStage)
        {
            LogStage(logger, state.ApplicationId, state.Stage, state.Category);
        }

        foreach (SlaAlert alert in transition.Effects.Alerts)
        {
            LogMilestone(logger, state.ApplicationId, alert.Milestone, alert.Audience);
        }

        if (entersStage && state.Stage == Stage.Deciding && state.Outcome is Outcome outcome)
        {
            LogDecision(logger, state.ApplicationId, outcome, state.Grounds);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Application {ApplicationId} entered stage {Stage} ({Category})")]
    static partial void LogStage(ILogger logger, string applicationId, Stage stage, PermitCategory category);

    [LoggerMessage(Level = LogLevel.Information, Message = "Application {ApplicationId}: milestone {Milestone} fired for {Audience}")]
    static partial void LogMilestone(ILogger logger, string applicationId, MilestoneKind milestone, AlertAudience audience);

    [LoggerMessage(Level = LogLevel.Information, Message = "Application {ApplicationId} decided: {Outcome} (grounds {Grounds})")]
    static partial void LogDecision(ILogger logger, string applicationId, Outcome outcome, IReadOnlyList<string> grounds);
}
