using System.Globalization;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Policy;
using Workflow.Orchestrations.Ports;
using Workflow.Orchestrations.Sla;

namespace Workflow.Orchestrations.Cases;

/// <summary>
/// One transition being made: the case as it becomes and the effects gathered on the way. Only the model uses it; the
/// result is an immutable <see cref="Transition"/>.
/// </summary>
internal sealed class CaseChange
{
    readonly List<CaseStep> steps = [];
    readonly List<FederalOutboundMessage> federal = [];
    readonly List<ThirdPartyRequest> thirdParties = [];
    readonly List<PartyNotification> notifications = [];
    readonly List<SlaAlert> alerts = [];
    readonly List<CommandSettlement> settlements = [];
    readonly DateTimeOffset realNow;
    bool changed;

    public CaseChange(PermitCase state, DateTimeOffset realNow)
    {
        this.State = state;
        this.realNow = realNow;
        this.Now = state.Clock().ToPolicy(realNow);
    }

    public PermitCase State { get; private set; }

    /// <summary>Policy time of the transition.</summary>
    public DateTimeOffset Now { get; }

    public string ApplicationId => this.State.ApplicationId;

    /// <summary>Changes the case; the case index will learn the new revision.</summary>
    public void Set(Func<PermitCase, PermitCase> change)
    {
        this.State = change(this.State);
        this.changed = true;
    }

    /// <summary>Changes what only the workflow needs to remember (handled messages, fired milestones): no index update of its own.</summary>
    public void Remember(Func<PermitCase, PermitCase> change) => this.State = change(this.State);

    /// <summary>Changes the SLA clock (pause, resume, stop).</summary>
    public void Clock(Action<SlaClock> change)
    {
        SlaClock clock = this.State.SlaClock();
        change(clock);
        this.Set(c => c with { Sla = SlaSnapshot.Of(clock) });
    }

    /// <summary>
    /// Records a step for the audit log, keyed by its event and occurrence ("wf-decided-1"), so the same step has the same
    /// key whatever came before it. That matters after a crash: the Azure Storage provider sends an episode's activities
    /// before it commits the episode, so a host that dies in between leaves a transition carried out that the retried
    /// episode may make again after another message (one that arrived meanwhile) was handled first. Numbered by place
    /// among all steps, the same decision would be recorded twice; keyed by occurrence, the first record stands.
    /// </summary>
    /// <remarks>
    /// Cases of workflow 2.0 keep numbering their steps by place (<c>wf-0001-received</c>): a restart runs such a case again
    /// from its submission on its own version, and must find the keys its first run wrote.
    /// </remarks>
    public void Record(string eventCode, string actor, params (string Key, string Value)[] details)
    {
        int step = this.State.Steps + 1;
        int occurrence = this.State.StepsByEvent.GetValueOrDefault(eventCode) + 1;
        this.Remember(c => c with
        {
            Steps = step,
            StepsByEvent = new Dictionary<string, int>(c.StepsByEvent, StringComparer.Ordinal) { [eventCode] = occurrence },
        });
        this.steps.Add(new CaseStep(
            KeysByOccurrence(this.State.WorkflowVersion)
                ? $"wf-{eventCode}-{occurrence.ToString(CultureInfo.InvariantCulture)}"
                : $"wf-{step.ToString("D4", CultureInfo.InvariantCulture)}-{eventCode}",
            eventCode,
            actor,
            details.ToDictionary(d => d.Key, d => d.Value, StringComparer.Ordinal)));
    }

    /// <summary>Whether a case of this workflow version keys its audit steps by event and occurrence (2.1 and later).</summary>
    static bool KeysByOccurrence(string workflowVersion) =>
        Version.TryParse(workflowVersion, out Version? version) && version >= new Version(Workflows.PermitApplication.PermitWorkflowVersions.RecordWithWork);

    public void Settle(PermitMessage message, CommandFate fate, string? reason = null) =>
        this.settlements.Add(new CommandSettlement(message.MessageId, fate, reason));

    public void Notify(Party party, NotificationKind kind, string subject, IReadOnlyList<string> items, DateTimeOffset? deadline, string? letter = null) =>
        this.notifications.Add(new PartyNotification($"{this.ApplicationId}:{subject}:{Codes.Of(party)}", this.ApplicationId, party, kind, items, deadline, letter));

    public void SendFederal(FederalOutboundKind kind, string handoffId) =>
        this.federal.Add(new FederalOutboundMessage(
            MessageId: $"{this.ApplicationId}:{Codes.Of(kind)}",
            kind,
            this.ApplicationId,
            handoffId,
            CorrelationId: this.ApplicationId,
            this.State.Category,
            SentAt: this.realNow));

    public void AskThirdParty(ThirdPartyRequest request) => this.thirdParties.Add(request);

    public void Alert(SlaAlert alert) => this.alerts.Add(alert);

    /// <summary>
    /// Asks for work (an activity) unless the same work is already waiting. Work is done in the procedure's order
    /// (sources, admissibility, assessment, letter), so what a later step reads is always fresh.
    /// </summary>
    public void Ask(CaseWork work)
    {
        if (!this.State.PendingWork.Contains(work))
        {
            this.Set(c => c with { PendingWork = [.. c.PendingWork.Append(work).Order()] });
        }
    }

    /// <summary>Whether a policy moment has come, asked in real time (see <see cref="PermitCaseModel.IsDue"/>).</summary>
    public bool IsDue(DateTimeOffset? at) => PermitCaseModel.IsDue(this.State, at, this.realNow);

    public Transition Done()
    {
        PermitCase state = this.changed ? this.State with { Revision = this.State.Revision + 1 } : this.State;
        return new Transition(state, new CaseEffects(this.steps, this.federal, this.thirdParties, this.notifications, this.alerts, this.settlements), this.changed);
    }

    public static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Text(DateTimeOffset value) => value.ToString("O", CultureInfo.InvariantCulture);

    public static string List(IEnumerable<string> values) => string.Join(',', values);

    /// <summary>The policy time a message was received (stamped by the system, not the sender).</summary>
    public DateTimeOffset TimeOf(PermitMessage message) => this.State.Clock().ToPolicy(message.At);

    public PolicyClock PolicyClock => this.State.Clock();
}
