using Workflow.Application.Queries;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Register;

namespace Workflow.Application.Workers;

/// <summary>
/// <c>GET /api/worker/export</c>: what the department holds about the worker who asks (GDPR, art. 15), per application
/// that names them: the personal data of the application as submitted (the worker, the job, who applied), the documents
/// kept (described; their content stays in the dossier), the procedure as the applicant follows it, and the
/// authorisation in the register. Internal findings are not personal data of the worker and stay out, as for the employer.
/// </summary>
public sealed record WorkerExport(DateTimeOffset ExportedAt, string About, IReadOnlyList<WorkerExportApplication> Applications);

/// <summary>One application in the worker's export.</summary>
public sealed record WorkerExportApplication(
    string ApplicationId,
    PermitCategory Category,
    DateTimeOffset SubmittedAt,
    string AppliedBy,
    WorkerDetails Worker,
    JobDetails Job,
    IReadOnlyList<StoredDocument> Documents,
    ApplicationStatus? Procedure,
    WorkerAuthorisation? Authorisation);

/// <summary>
/// The authorisation as the worker reads it: its validity and state, not the register's keys, links or procedures
/// under way (a withdrawal reaches the worker with its decision, not before).
/// </summary>
public sealed record WorkerAuthorisation(DateOnly ValidFrom, DateOnly? ValidUntil, AuthorisationState State)
{
    public static WorkerAuthorisation Of(Authorisation authorisation)
    {
        ArgumentNullException.ThrowIfNull(authorisation);
        return new(authorisation.ValidFrom, authorisation.ValidUntil, authorisation.State);
    }
}
