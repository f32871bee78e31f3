using Workflow.Orchestrations.Activities;
using Workflow.Orchestrations.Cases;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Policy;
using Workflow.Orchestrations.Ports;
using Workflow.Orchestrations.Rules;

namespace Workflow.UnitTests.Cases;

/// <summary>
/// Drives <see cref="PermitCaseModel"/> the way the workflow does, without the engine: a case, a clock that the test
/// moves (one policy day = one real day here, so times read as dates), and every transition kept for the assertions.
/// The work the model asks for is answered by the test (<see cref="Gathered"/>, <see cref="Checked"/>, <see cref="Assessed"/>,
/// <see cref="LetterIssued"/>), or with defaults by <see cref="Complete"/> and friends.
/// </summary>
internal sealed class CaseHarness
{
    /// <summary>A weekday in 2026, when the fast lane, the standard track and the fee are in force.</summary>
    public static readonly DateTimeOffset Submitted = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    readonly List<Transition> transitions = [];
    int messages;

    CaseHarness(PermitCase state, Transition first)
    {
        this.State = state;
        this.Now = Submitted;
        this.transitions.Add(first);
    }

    public PermitCase State { get; private set; }

    /// <summary>Real time (equal to policy time: a policy day lasts a day).</summary>
    public DateTimeOffset Now { get; private set; }

    public Transition Last => this.transitions[^1];

    public IReadOnlyList<Transition> Transitions => this.transitions;

    /// <summary>Every audit event code recorded so far, in order.</summary>
    public IEnumerable<string> Timeline => this.transitions.SelectMany(t => t.Effects.Steps).Select(s => s.Event);

    public string Id => this.State.ApplicationId;

    public static CaseHarness Start(PermitCategory category, string version = "2.1", bool inPeak = false, PermitTerms? terms = null, bool functionExcluded = false)
    {
        terms ??= PolicyCatalog.Embedded.Resolve(category, Submitted, inPeak);
        var input = new PermitApplicationInput(ApplicationIds.Derive("0412345614", $"S-{category}-{Guid.NewGuid():N}"[..40]), category, Submitted, TimeSpan.FromDays(1), terms, functionExcluded);
        Transition first = PermitCaseModel.Start(input, version, Submitted);
        return new CaseHarness(first.State, first);
    }

    public CaseHarness After(double days)
    {
        this.Now += TimeSpan.FromDays(days);
        return this;
    }

    public Transition Feed(CaseInput input)
    {
        Transition transition = PermitCaseModel.Apply(this.State, input, this.Now);
        this.transitions.Add(transition);
        this.State = transition.State;
        return transition;
    }

    public Transition Receive(PermitMessage message) => this.Feed(new MessageReceived(message));

    public Transition Time() => this.Feed(TimeReached.Instance);

    /// <summary>Moves the clock to the model's next wake-up and feeds the time; fails when the model waits for nothing.</summary>
    public Transition WakeUp()
    {
        DateTimeOffset at = PermitCaseModel.NextWakeUp(this.State, this.Now) ?? throw new InvalidOperationException("The case waits for no time.");
        if (at > this.Now)
        {
            this.Now = at;
        }

        return this.Time();
    }

    public Transition Gathered() => this.Do(CaseWork.GatherSources, new SourcesRead(new SourcesGathered(4, [AuthenticSource.Kbo, AuthenticSource.NationalRegister])));

    public Transition Checked(IReadOnlyList<string>? missing = null, IReadOnlyList<ExcludedParty>? excluded = null, IReadOnlyList<string>? issues = null) =>
        this.Do(CaseWork.CheckAdmissibility, new AdmissibilityChecked(new AdmissibilityFindings(missing ?? [], excluded ?? [], issues ?? [])));

    public Transition Assessed(params SignalKind[] signals) =>
        this.Do(CaseWork.Assess, new Orchestrations.Cases.Assessed(new AssessmentSummary([], [], signals)));

    public Transition LetterIssued() => this.Do(CaseWork.IssueLetter, new Orchestrations.Cases.LetterIssued($"{this.Id}/letters/decision.pdf"));

    /// <summary>Answers the first pending work, which must be <paramref name="expected"/>.</summary>
    Transition Do(CaseWork expected, CaseInput result)
    {
        Assert.True(this.State.PendingWork.Count > 0 && this.State.PendingWork[0] == expected, $"Expected pending {expected}, found [{string.Join(", ", this.State.PendingWork)}].");
        return this.Feed(result);
    }

    /// <summary>Sources read and a complete file found (fee paid first when due): the case reaches the caseworker.</summary>
    public CaseHarness Complete()
    {
        if (this.State.Fee == FeeStatus.Due)
        {
            this.Receive(this.FeePaid());
        }

        this.Gathered();
        this.Checked();
        this.Assessed();
        Assert.Equal(Stage.AwaitingDecision, this.State.Stage);
        return this;
    }

    /// <summary>The caseworker decides; the message carries a fresh id unless given.</summary>
    public Transition Decide(CaseworkerVerdict verdict, params string[] grounds) =>
        this.Receive(new CaseworkerDecided(this.NextId(CommandKinds.Decision), this.Id, this.Now, $"DEC-{this.messages}", verdict, grounds));

    /// <summary>The caseworker approves, having recorded why against a negative third-party answer.</summary>
    public Transition ApproveOverriding() =>
        this.Receive(new CaseworkerDecided(this.NextId(CommandKinds.Decision), this.Id, this.Now, $"DEC-{this.messages}", CaseworkerVerdict.Approve, [], OverrideRecorded: true));

    public Transition Federal(FederalVerdict verdict, string? handoffId = null) =>
        this.Receive(new FederalDecided(this.NextId(CommandKinds.Federal), this.Id, this.Now, handoffId ?? this.State.Federal.HandoffId!, verdict, verdict == FederalVerdict.Refused ? ["public-order"] : []));

    public FeePaid FeePaid(long? amountCents = null, string paymentId = "PAY-1") =>
        new(this.NextId(CommandKinds.PaymentEvent), this.Id, this.Now, paymentId, amountCents ?? this.State.Terms.Admissibility.Fee!.AmountCents, "EUR");

    public DocumentsSupplied Documents(string type = DocumentTypes.Diploma, string? answers = null) =>
        new(this.NextId(CommandKinds.Documents), this.Id, this.Now, [type], answers);

    public InformationRequested InformationRequest(string requestId = "INFO-1", int days = 10) =>
        new(this.NextId(CommandKinds.InformationRequest), this.Id, this.Now, requestId, days);

    public ThirdPartyRequested ThirdPartyRequest(string requestId = "TP-1", ThirdPartyKind kind = ThirdPartyKind.DocumentAuthentication, int days = 20) =>
        new(this.NextId(CommandKinds.ThirdPartyRequest), this.Id, this.Now, requestId, kind,
            kind == ThirdPartyKind.DocumentAuthentication ? ThirdPartyAuthority.DiplomaticPost : ThirdPartyAuthority.InformationAndScreeningService,
            kind == ThirdPartyKind.DocumentAuthentication ? DocumentTypes.Diploma : null, days);

    public ThirdPartyAnswered ThirdPartyAnswer(string requestId = "TP-1", ThirdPartyAnswer answer = Orchestrations.Ports.ThirdPartyAnswer.Authentic, string answerId = "ANS-1") =>
        new(this.NextId(CommandKinds.ThirdPartyAnswer), this.Id, this.Now, requestId, answer, answerId);

    public string NextId(string kind) => CommandKinds.MessageId(kind, $"m{++this.messages}");

    public static CommandSettlement SettlementOf(Transition transition) => Assert.Single(transition.Effects.Settlements);
}
