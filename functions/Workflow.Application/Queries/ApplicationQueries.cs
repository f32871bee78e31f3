using System.Text.Json;
using Microsoft.Extensions.Options;
using Workflow.Application.Access;
using Workflow.Application.Assignments;
using Workflow.Application.Commands;
using Workflow.Application.Payments;
using Workflow.Application.Ports;
using Workflow.Orchestrations.Activities;
using Workflow.Orchestrations.Cases;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Letters;
using Workflow.Orchestrations.Policy;
using Workflow.Orchestrations.Ports;
using Workflow.Orchestrations.Register;
using Workflow.Orchestrations.Serialization;
using Workflow.Orchestrations.Sla;

namespace Workflow.Application.Queries;

/// <summary>
/// Reads for people: an application's status and timeline (per audience: <see cref="TimelineAudiences"/>), its
/// commands, the worklist, the one-view, the letter. They read the case index, the audit log, the command records and
/// the dossier, never the task hub; the SLA state is evaluated at the time of the request.
/// </summary>
public sealed class ApplicationQueries(
    ISubmissionLedger ledger,
    ICaseIndex caseIndex,
    IAuditLog auditLog,
    ICommandLedger commands,
    IDossierStore dossiers,
    ICaseAssignments assignments,
    IAuthorisationRegister register,
    Recognition.RecognitionQueries recognition,
    PolicyCatalog policy,
    IOptions<WorkflowSettings> settings,
    TimeProvider time)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public static string StatusUrl(string applicationId) => $"/api/applications/{applicationId}";

    public static string LetterUrl(string applicationId) => $"/api/applications/{applicationId}/letter";

    public static string PayUrl(string applicationId) => $"/api/applications/{applicationId}/payments";

    /// <summary>The case as the index keeps it, or as submitted when the workflow has not recorded anything yet.</summary>
    async Task<PermitCase?> CaseAsync(string applicationId, CancellationToken cancellationToken) =>
        await caseIndex.GetAsync(applicationId, cancellationToken)
        ?? (await ledger.GetAsync(applicationId, cancellationToken) is SubmissionRecord submission
            ? CommandGate.AsSubmitted(submission, policy, settings.Value.PolicyDayLength)
            : null);

    /// <summary>The status for staff: the whole record.</summary>
    public async Task<ApplicationView?> GetAsync(string applicationId, Audience reader, CancellationToken cancellationToken)
    {
        if (await this.CaseAsync(applicationId, cancellationToken) is not PermitCase state)
        {
            return null;
        }

        PolicyClock clock = state.Clock();
        DateTimeOffset now = clock.ToPolicy(time.GetUtcNow());
        SlaClock sla = state.SlaClock();
        return new ApplicationView(
            state.ApplicationId,
            state.Category,
            state.Stage,
            state.WorkflowVersion,
            state.SubmittedAt,
            now,
            Days(now - clock.ToPolicy(state.SubmittedAt)),
            state.PolicyDayLength,
            new SlaView(
                sla.Terms.Track,
                sla.StateAsOf(now),
                sla.Terms.DueDays,
                sla.Terms.InPeakPeriod,
                sla.DueAsOf(now),
                Days(sla.ElapsedAsOf(now)),
                Days(sla.PausedAsOf(now)),
                sla.Pauses,
                sla.StoppedAt),
            new FederalLegView(state.Federal.Status, state.Federal.HandoffId, state.Federal.HandedOffAt, state.Federal.AnsweredAt, state.Federal.ReasonCodes),
            state.Awaiting,
            state.ApplicantDeadline,
            state.InformationRequest?.RequestId,
            state.OverallDeadline,
            Fee(state),
            state.Outcome is Outcome outcome ? await this.DecisionAsync(state, outcome, staff: true, cancellationToken) : null,
            $"/api/applications/{applicationId}/commands",
            await this.TimelineAsync(applicationId, clock, reader, cancellationToken),
            Renewed(state.Renews));
    }

    /// <summary>The status for the applicant: its own procedure only (see <see cref="ApplicantView"/>).</summary>
    public async Task<ApplicantView?> GetForApplicantAsync(string applicationId, CancellationToken cancellationToken)
    {
        if (await this.CaseAsync(applicationId, cancellationToken) is not PermitCase state)
        {
            return null;
        }

        PolicyClock clock = state.Clock();
        DateTimeOffset now = clock.ToPolicy(time.GetUtcNow());
        (ApplicantStage stage, IReadOnlyList<AwaitedItem> awaiting, FeeView fee, SlaClock sla) = ApplicantProcedure(state);
        return new ApplicantView(
            state.ApplicationId,
            state.Category,
            stage,
            state.SubmittedAt,
            now,
            Days(now - clock.ToPolicy(state.SubmittedAt)),
            awaiting,
            fee,
            new ApplicantSlaView(
                sla.Terms.Track,
                sla.StateAsOf(now),
                sla.Terms.DueDays,
                sla.Terms.InPeakPeriod,
                sla.DueAsOf(now),
                Days(sla.ElapsedAsOf(now)),
                Days(sla.PausedAsOf(now)),
                sla.Pauses),
            state.IsClosed && state.Outcome is Outcome outcome ? await this.DecisionAsync(state, outcome, staff: false, cancellationToken) : null,
            await this.TimelineAsync(applicationId, clock, Audience.Applicant, cancellationToken),
            Renewed(state.Renews));
    }

    /// <summary>
    /// One line of the applicant's list: the file as <see cref="GetForApplicantAsync"/> tells it, without the timeline;
    /// null when the application is not known (an index entry whose submission is gone).
    /// </summary>
    public async Task<ApplicantApplicationItem?> SummaryForApplicantAsync(ApplicantIndexEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (await this.CaseAsync(entry.ApplicationId, cancellationToken) is not PermitCase state)
        {
            return null;
        }

        DateTimeOffset now = state.Clock().ToPolicy(time.GetUtcNow());
        (ApplicantStage stage, IReadOnlyList<AwaitedItem> awaiting, FeeView fee, SlaClock sla) = ApplicantProcedure(state);
        return new ApplicantApplicationItem(
            state.ApplicationId,
            entry.SubmissionId,
            state.Category,
            state.SubmittedAt,
            stage,
            awaiting,
            fee.Status,
            sla.Terms.Track,
            sla.StateAsOf(now),
            sla.DueAsOf(now),
            state.IsClosed ? state.Outcome : null,
            StatusUrl(state.ApplicationId));
    }

    /// <summary>Where the file stands for the applicant: its stage, what it owes and by when, the fee, and its SLA clock.</summary>
    static (ApplicantStage Stage, IReadOnlyList<AwaitedItem> Awaiting, FeeView Fee, SlaClock Sla) ApplicantProcedure(PermitCase state)
    {
        // The applicant's clock runs until the letter: it never shows the moment the caseworker decided (that would
        // tell a decision was taken, and by the federal wait that follows, which one).
        SlaClock sla = state.IsClosed ? state.SlaClock() : SlaClock.Restore(state.Sla.Terms, state.Sla.Start, state.Sla.Pauses, stoppedAt: null);
        FeeView fee = Fee(state);
        IReadOnlyList<AwaitedItem> awaiting = [.. state.ApplicantItems.Select(item => new AwaitedItem(
            item,
            item == "information-response" ? state.InformationRequest?.Deadline : item == "fee" ? fee.DueBy : state.ApplicantDeadline))];
        ApplicantStage stage = state.IsClosed ? ApplicantStage.Closed
            : awaiting.Count > 0 ? ApplicantStage.AwaitingApplicant
            : state.InAdmissibility ? ApplicantStage.Received
            : ApplicantStage.InAssessment;
        return (stage, awaiting, fee, sla);
    }

    /// <summary>The fee as both audiences see it; the deadline is the applicant's while the fee is outstanding.</summary>
    public static FeeView Fee(PermitCase state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Terms.Admissibility.Fee is not FeeTerms fee || state.Fee == FeeStatus.NotDue)
        {
            return new FeeView(FeeStatus.NotDue, null, null, null, null, null, null);
        }

        DateTimeOffset? dueBy = !state.FeeOutstanding || state.IsDecided ? null
            : state.ApplicantDeadline ?? state.Clock().ToPolicy(state.SubmittedAt).AddDays(state.Terms.Admissibility.CompletionDeadlineDays);
        return new FeeView(
            state.Fee,
            fee.AmountCents / 100m,
            fee.Currency,
            PaymentReference.For(state.ApplicationId),
            dueBy,
            state.FeeOutstanding ? PayUrl(state.ApplicationId) : null,
            state.FeeOutstanding ? $"POST {PayUrl(state.ApplicationId)} with a paymentId of your choice; pay at the checkoutUrl it returns. The payment counts once the payment provider confirms it." : null);
    }

    /// <summary>The fee as the submission answers it: due from submission, by the completion deadline.</summary>
    public static FeeView FeeAtSubmission(string applicationId, FeeTerms? fee, DateTimeOffset submittedAt, int completionDeadlineDays) =>
        fee is null
            ? new FeeView(FeeStatus.NotDue, null, null, null, null, null, null)
            : new FeeView(
                FeeStatus.Due,
                fee.AmountCents / 100m,
                fee.Currency,
                PaymentReference.For(applicationId),
                submittedAt.AddDays(completionDeadlineDays),
                PayUrl(applicationId),
                $"POST {PayUrl(applicationId)} with a paymentId of your choice; pay at the checkoutUrl it returns. The payment counts once the payment provider confirms it.");

    async Task<IReadOnlyList<TimelineEntry>> TimelineAsync(string applicationId, PolicyClock clock, Audience reader, CancellationToken cancellationToken)
    {
        IReadOnlyList<AuditEntry> audit = await auditLog.ListAsync(applicationId, cancellationToken);
        return [.. audit
            .Select(e => TimelineAudiences.Visible(e, reader))
            .OfType<AuditEntry>()
            .Select(e => new TimelineEntry(clock.ToPolicy(e.At), e.Event, e.Actor, e.Details, e.BySubject, e.ByName))];
    }

    /// <summary>The commands of an application, as staff see them (who sent each, its fate).</summary>
    public async Task<IReadOnlyList<CommandView>?> CommandsAsync(string applicationId, CancellationToken cancellationToken)
    {
        if (await this.CaseAsync(applicationId, cancellationToken) is null)
        {
            return null;
        }

        return [.. (await commands.ListAsync(applicationId, null, cancellationToken)).Select(View)];
    }

    /// <summary>One command's answer and fate; the applicant reaches only its own kinds of command.</summary>
    public async Task<CommandView?> CommandAsync(string applicationId, string kind, string commandId, Audience reader, CancellationToken cancellationToken)
    {
        if (reader == Audience.Applicant && !CommandKinds.ApplicantKinds.Contains(kind))
        {
            return null;
        }

        CommandRecord? record = await commands.GetAsync(applicationId, kind, commandId, cancellationToken);
        if (record is null)
        {
            return null;
        }

        CommandView view = View(record);
        return reader == Audience.Applicant ? view with { ActorSubject = "", ActorName = null } : view;
    }

    static CommandView View(CommandRecord record)
    {
        CommandAnswer answer = JsonSerializer.Deserialize<CommandAnswer>(record.Answer ?? "{}", WorkflowJson.Options)
            ?? throw new InvalidOperationException($"Command {record.MessageId} holds no answer.");
        return new CommandView(
            answer with { Fate = record.Fate, Reason = record.Reason, Repeated = false },
            record.Actor.Role,
            record.Actor.Subject,
            record.Actor.Name,
            record.ReceivedAt,
            record.SettledAt,
            record.Repeats);
    }

    /// <summary>
    /// A page of the worklist in <paramref name="view"/> (<paramref name="subject"/>: the caller, for
    /// <see cref="WorklistView.Mine"/>), nearest due date first, each item with its assignee.
    /// </summary>
    public async Task<WorklistPage> WorklistAsync(WorklistView view, string? subject, int? pageSize, string? continuation, CancellationToken cancellationToken)
    {
        DateTimeOffset realNow = time.GetUtcNow();
        AssignedWorklistPage page = await assignments.ListWorklistAsync(view, subject, Math.Clamp(pageSize ?? DefaultPageSize, 1, MaxPageSize), continuation, cancellationToken);
        return new WorklistPage(
            [.. page.Items.Select(item =>
            {
                PermitCase state = item.Case;
                PolicyClock clock = state.Clock();
                DateTimeOffset now = clock.ToPolicy(realNow);
                SlaClock sla = state.SlaClock();
                DateTimeOffset? due = sla.DueAsOf(now);
                return new WorklistItem(
                    state.ApplicationId,
                    state.Category,
                    sla.Terms.Track,
                    sla.StateAsOf(now),
                    due,
                    due is DateTimeOffset d ? Math.Round(Days(d - now), 2) : null,
                    state.InformationRequest is not null,
                    state.Federal.Status,
                    StatusUrl(state.ApplicationId),
                    item.Assignment.Assignee,
                    item.Assignment.Assignee is not null && item.Assignment.Since is DateTimeOffset since ? clock.ToPolicy(since) : null,
                    state.Stage);
            })],
            page.Continuation);
    }

    /// <summary>The one-view; every read is recorded in the audit log with who read it (the one-view holds personal data).</summary>
    public async Task<OverviewView?> OverviewAsync(string applicationId, Actor reader, string readId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ApplicationDossier? dossier = await dossiers.GetApplicationAsync(applicationId, cancellationToken);
        if (dossier is null)
        {
            return null;
        }

        await auditLog.AppendAsync(
            new AuditEntry(applicationId, $"read-{readId}", time.GetUtcNow(), CommandEvents.OneViewRead, reader.Role, new Dictionary<string, string>(StringComparer.Ordinal), reader.Subject, reader.Name),
            cancellationToken);

        PermitCase? state = await caseIndex.GetAsync(applicationId, cancellationToken);
        var thirdParties = new List<ThirdPartyView>();
        foreach (ThirdPartySnapshot request in state?.ThirdParties ?? [])
        {
            var asked = await dossiers.GetRecordAsync<ThirdPartyRecord>(applicationId, $"third-parties/{request.RequestId}.json", cancellationToken);
            string answerRecord = request.AnswerId is string answerId
                ? $"third-parties/{request.RequestId}.answers/{answerId}.json"
                : $"third-parties/{request.RequestId}.answer.json"; // as version 1.0 kept it
            var answer = request.Answer is null ? null : await dossiers.GetRecordAsync<ThirdPartyAnswerRecord>(applicationId, answerRecord, cancellationToken);
            string? supports = request is { Kind: ThirdPartyKind.DocumentAuthentication, Answer: ThirdPartyAnswer.False } ? DecisionGrounds.FalseDocuments.Code : null;
            thirdParties.Add(new ThirdPartyView(request, asked?.Question, answer?.Note, supports));
        }

        return new OverviewView(
            applicationId,
            dossier.Category,
            state?.Stage ?? Stage.Received,
            dossier.SubmittedAt,
            dossier,
            await dossiers.ListDocumentsAsync(applicationId, cancellationToken),
            await dossiers.GetRecordAsync<AuthenticSourceOverview>(applicationId, GatherAuthenticSourcesActivity.OverviewRecord, cancellationToken),
            await dossiers.GetRecordAsync<AdmissibilityRecord>(applicationId, CheckAdmissibilityActivity.Record, cancellationToken),
            await dossiers.GetRecordAsync<AssessmentRecord>(applicationId, AssessApplicationActivity.Record, cancellationToken),
            thirdParties,
            DecisionGrounds.All);
    }

    /// <summary>
    /// The decision letter as stored, with its name: the PDF, or for a case decided before the PDFs its text letter.
    /// </summary>
    public async Task<(string Name, LetterFile Letter)?> LetterAsync(string applicationId, CancellationToken cancellationToken)
    {
        foreach (string name in (string[])[IssueDecisionLetterActivity.LetterName, LetterNames.LegacyDecisionText])
        {
            if (await dossiers.GetLetterAsync(applicationId, name, cancellationToken) is { } letter)
            {
                return (name, letter);
            }
        }

        return null;
    }

    /// <summary>
    /// The decision with, for a grant entered in the register (when the case closed), its authorisation: what it renews,
    /// and the application that renews it or renewed it (both applications are the same applicant's, so whoever may read
    /// this one may read the other); and for a nurse awaiting recognition, where the recognition follow-up stands (§2.6;
    /// overdue for <paramref name="staff"/> only).
    /// </summary>
    async Task<DecisionView> DecisionAsync(PermitCase state, Outcome outcome, bool staff, CancellationToken cancellationToken)
    {
        DecisionView decision = Decision(state, outcome);
        if (outcome != Outcome.Granted || !state.IsClosed || await register.GetAsync(state.ApplicationId, cancellationToken) is not { } granted)
        {
            return decision;
        }

        AuthorisationRenewal? renewal = await register.GetRenewalAsync(state.ApplicationId, cancellationToken);
        return decision with
        {
            Authorisation = new AuthorisationView(
                granted.ValidFrom,
                granted.ValidUntil,
                granted.State,
                Renewed(granted.Renews),
                renewal is null ? null : new RenewalView(renewal.RenewingApplicationId, renewal.State, StatusUrl(renewal.RenewingApplicationId)),
                granted.WithdrawalUnderWay,
                granted.WithdrawalId is string withdrawal ? Withdrawals.WithdrawalIds.Url(withdrawal) : null,
                granted.WithdrawnOn),
            Recognition = await recognition.SummaryAsync(state.ApplicationId, staff, cancellationToken),
        };
    }

    static RenewedAuthorisationView? Renewed(string? renews) => renews is null ? null : new RenewedAuthorisationView(renews, StatusUrl(renews));

    static DecisionView Decision(PermitCase state, Outcome outcome) => new(
        outcome,
        [.. state.Grounds.Select(code => DecisionGrounds.Find(code) is { } g ? new DecisionGroundView(g.Code, g.Section, g.Description) : new DecisionGroundView(code, null, null))],
        state.DecidedAt ?? state.Sla.StoppedAt,
        state.IsClosed ? LetterUrl(state.ApplicationId) : null);

    static double Days(TimeSpan span) => Math.Round(span.TotalDays, 3);
}
