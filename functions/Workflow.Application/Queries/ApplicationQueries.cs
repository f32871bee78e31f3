using Workflow.Application.Ports;
using Workflow.Orchestrations.Activities;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Policy;
using Workflow.Orchestrations.Ports;
using Workflow.Orchestrations.Sla;

namespace Workflow.Application.Queries;

/// <summary>
/// Reads for people: an application's status and timeline, the worklist, the letter. They read the case index, the
/// audit log and the dossier (DESIGN.md §3), never the task hub; the SLA state is evaluated at the time of the request.
/// </summary>
public sealed class ApplicationQueries(
    ISubmissionLedger ledger,
    ICaseIndex caseIndex,
    IAuditLog auditLog,
    IDossierStore dossiers,
    TimeProvider time)
{
    public static string StatusUrl(string applicationId) => $"/api/applications/{applicationId}";

    public static string LetterUrl(string applicationId) => $"/api/applications/{applicationId}/letter";

    public async Task<ApplicationView?> GetAsync(string applicationId, CancellationToken cancellationToken)
    {
        CaseSnapshot? snapshot = await caseIndex.GetAsync(applicationId, cancellationToken);
        if (snapshot is null)
        {
            // Submitted a moment ago: the workflow has not written its first row yet.
            SubmissionRecord? submission = await ledger.GetAsync(applicationId, cancellationToken);
            if (submission is null)
            {
                return null;
            }

            snapshot = Received(submission);
        }

        DateTimeOffset realNow = time.GetUtcNow();
        PolicyClock clock = snapshot.Clock();
        DateTimeOffset now = clock.ToPolicy(realNow);
        SlaClock sla = snapshot.Sla.Restore();
        IReadOnlyList<AuditEntry> audit = await auditLog.ListAsync(applicationId, cancellationToken);

        return new ApplicationView(
            snapshot.ApplicationId,
            snapshot.Category,
            snapshot.Stage,
            snapshot.SubmittedAt,
            now,
            Days(now - clock.ToPolicy(snapshot.SubmittedAt)),
            snapshot.PolicyDayLength,
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
            new FederalLegView(snapshot.Federal.Status, snapshot.Federal.HandoffId, snapshot.Federal.HandedOffAt, snapshot.Federal.AnsweredAt, snapshot.Federal.ReasonCodes),
            snapshot.AwaitingItems,
            snapshot.ApplicantDeadline,
            snapshot.OpenInformationRequestId,
            snapshot.OverallDeadline,
            snapshot.Outcome is Outcome outcome
                ? new DecisionView(
                    outcome,
                    [.. snapshot.Grounds.Select(code => DecisionGrounds.Find(code) is { } g ? new DecisionGroundView(g.Code, g.Section, g.Description) : new DecisionGroundView(code, null, null))],
                    snapshot.Sla.StoppedAt,
                    snapshot.Stage == Stage.Closed ? LetterUrl(applicationId) : null)
                : null,
            [.. audit.Select(e => new TimelineEntry(clock.ToPolicy(e.At), e.Event, e.Actor, e.Details))]);
    }

    public async Task<IReadOnlyList<WorklistItem>> WorklistAsync(CancellationToken cancellationToken)
    {
        DateTimeOffset realNow = time.GetUtcNow();
        IReadOnlyList<CaseSnapshot> open = await caseIndex.ListAwaitingDecisionAsync(cancellationToken);
        return [.. open
            .Select(snapshot =>
            {
                DateTimeOffset now = snapshot.Clock().ToPolicy(realNow);
                SlaClock sla = snapshot.Sla.Restore();
                DateTimeOffset? due = sla.DueAsOf(now);
                return new WorklistItem(
                    snapshot.ApplicationId,
                    snapshot.Category,
                    sla.Terms.Track,
                    sla.StateAsOf(now),
                    due,
                    due is DateTimeOffset d ? Math.Round(Days(d - now), 2) : null,
                    snapshot.OpenInformationRequestId is not null,
                    snapshot.Federal.Status,
                    StatusUrl(snapshot.ApplicationId));
            })
            .OrderBy(item => item.DaysLeft is null)
            .ThenBy(item => item.DaysLeft)
            .ThenBy(item => item.ApplicationId, StringComparer.Ordinal)];
    }

    public async Task<OverviewView?> OverviewAsync(string applicationId, CancellationToken cancellationToken)
    {
        ApplicationDossier? dossier = await dossiers.GetApplicationAsync(applicationId, cancellationToken);
        if (dossier is null)
        {
            return null;
        }

        CaseSnapshot? snapshot = await caseIndex.GetAsync(applicationId, cancellationToken);
        var thirdParties = new List<ThirdPartyView>();
        foreach (ThirdPartySnapshot request in snapshot?.ThirdParties ?? [])
        {
            var asked = await dossiers.GetRecordAsync<Commands.ThirdPartyRecord>(applicationId, $"third-parties/{request.RequestId}.json", cancellationToken);
            var answer = await dossiers.GetRecordAsync<Commands.ThirdPartyAnswerRecord>(applicationId, $"third-parties/{request.RequestId}.answer.json", cancellationToken);
            string? supports = request is { Kind: ThirdPartyKind.DocumentAuthentication, Answer: ThirdPartyAnswer.False } ? DecisionGrounds.FalseDocuments.Code : null;
            thirdParties.Add(new ThirdPartyView(request, asked?.Question, answer?.Note, supports));
        }

        return new OverviewView(
            applicationId,
            dossier.Category,
            snapshot?.Stage ?? Stage.Received,
            dossier.SubmittedAt,
            dossier,
            await dossiers.ListDocumentsAsync(applicationId, cancellationToken),
            await dossiers.GetRecordAsync<AuthenticSourceOverview>(applicationId, GatherAuthenticSourcesActivity.OverviewRecord, cancellationToken),
            await dossiers.GetRecordAsync<AdmissibilityRecord>(applicationId, CheckAdmissibilityActivity.Record, cancellationToken),
            await dossiers.GetRecordAsync<AssessmentRecord>(applicationId, AssessApplicationActivity.Record, cancellationToken),
            thirdParties,
            DecisionGrounds.All);
    }

    public async Task<string?> LetterAsync(string applicationId, CancellationToken cancellationToken) =>
        await dossiers.GetLetterAsync(applicationId, IssueDecisionLetterActivity.LetterName, cancellationToken);

    static double Days(TimeSpan span) => Math.Round(span.TotalDays, 3);

    /// <summary>A stand-in row for an application whose workflow has not recorded anything yet.</summary>
    static CaseSnapshot Received(SubmissionRecord submission)
    {
        PermitTerms terms = PolicyCatalog.Embedded.Resolve(submission.Category, submission.SubmittedAt, inPeakPeriod: false);
        return new CaseSnapshot(
            submission.ApplicationId,
            submission.Category,
            Stage.Received,
            submission.SubmittedAt,
            TimeSpan.FromDays(1),
            new SlaSnapshot(terms.Sla, submission.SubmittedAt, [], null),
            new FederalLegSnapshot(submission.Category.HasFederalLeg() ? FederalLegStatus.NotStarted : FederalLegStatus.NotApplicable, null, null, null, []),
            [],
            null,
            null,
            null,
            null,
            null,
            [],
            null,
            0);
    }
}
