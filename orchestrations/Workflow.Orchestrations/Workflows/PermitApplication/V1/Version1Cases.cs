using Workflow.Orchestrations.Cases;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Policy;

namespace Workflow.Orchestrations.Workflows.PermitApplication.V1;

/// <summary>
/// The case of a version 1.0 instance as the case index keeps every case: version 1.0 records a <see cref="CaseSnapshot"/>,
/// which this turns into a <see cref="PermitCase"/> (version "1.0"), so the API, the worklist and the views read one
/// shape. What 1.0 did not record (the information request's deadline, the fee payment) stays unknown.
/// </summary>
public static class Version1Cases
{
    static readonly HashSet<string> NonDocumentItems = new(StringComparer.Ordinal) { "fee", "information-response", "caseworker-decision", "federal-decision" };

    public static PermitCase ToCase(CaseSnapshot snapshot, PolicyCatalog policy)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(policy);
        PermitTerms resolved = policy.Resolve(snapshot.Category, snapshot.SubmittedAt, snapshot.Sla.Terms.InPeakPeriod);
        PermitTerms terms = resolved with { Sla = snapshot.Sla.Terms, Limits = null };
        bool inAdmissibility = snapshot.Stage is Stage.Received or Stage.Admissibility or Stage.AwaitingApplicant;
        FeeStatus fee = terms.Admissibility.Fee is null
            ? FeeStatus.NotDue
            : snapshot.AwaitingItems.Contains("fee") || (inAdmissibility && snapshot.Stage != Stage.AwaitingApplicant) ? FeeStatus.Due : FeeStatus.Paid;
        return new PermitCase
        {
            ApplicationId = snapshot.ApplicationId,
            Category = snapshot.Category,
            SubmittedAt = snapshot.SubmittedAt,
            PolicyDayLength = snapshot.PolicyDayLength,
            Terms = terms,
            WorkflowVersion = PermitWorkflowVersions.Version1,
            Stage = snapshot.Stage,
            Sla = snapshot.Sla,
            Federal = snapshot.Federal,
            MissingDocuments = inAdmissibility ? [.. snapshot.AwaitingItems.Where(i => !NonDocumentItems.Contains(i) && !i.StartsWith("third-party:", StringComparison.Ordinal))] : [],
            Fee = fee,
            ApplicantDeadline = snapshot.ApplicantDeadline,
            InformationRequest = snapshot.OpenInformationRequestId is string requestId ? new OpenInformationRequest(requestId, null, null) : null,
            CompleteAt = snapshot.CompleteAt,
            ThirdParties = snapshot.ThirdParties ?? [],
            Outcome = snapshot.Outcome,
            Grounds = snapshot.Grounds,
            DecidedAt = snapshot.Outcome is null ? null : snapshot.Sla.StoppedAt,
            ClosedAt = snapshot.ClosedAt,
            Revision = snapshot.Revision,
        };
    }
}
