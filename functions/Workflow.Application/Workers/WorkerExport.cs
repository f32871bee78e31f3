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
    Authorisation? Authorisation);
