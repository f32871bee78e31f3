using System.Globalization;
using System.Security.Claims;
using Workflow.Application.Access;
using Workflow.Application.Commands;
using Workflow.Application.Ports;
using Workflow.Application.Queries;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Domain.Identifiers;
using Workflow.Orchestrations.Ports;
using Workflow.Orchestrations.Register;

namespace Workflow.Application.Workers;

/// <summary>
/// What a worker reads about themselves: the applications that name them (by the keyed fingerprint of the INSZ or BIS
/// number their sign-in asserts, never the number), each as the applicant follows it, its letter, and the export of the
/// personal data held about them. A worker without a person number in the application cannot be recognised: they
/// follow through their employer.
/// </summary>
public sealed class WorkerFiles(
    IWorkerApplications index,
    IPartyFingerprint fingerprints,
    ApplicationQueries queries,
    IDossierStore dossiers,
    IAuthorisationRegister register,
    IAuditLog auditLog,
    TimeProvider time)
{
    /// <summary>How many applications a worker's list and export hold at most (a person has a handful).</summary>
    public const int MaxApplications = 100;

    /// <summary>The worker's key from their sign-in; null when it asserts no valid INSZ or BIS number.</summary>
    public string? KeyOf(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return PartyKeys.WorkerOf(fingerprints, user.FindFirst(PermitClaims.Person)?.Value);
    }

    public async Task<WorkerApplications> ApplicationsAsync(string workerKey, CancellationToken cancellationToken)
    {
        var views = new List<ApplicantView>();
        foreach (string applicationId in await index.ListAsync(workerKey, MaxApplications, cancellationToken))
        {
            if (await queries.GetForApplicantAsync(applicationId, cancellationToken) is ApplicantView view)
            {
                views.Add(ForWorker(view));
            }
        }

        return new WorkerApplications([.. views.OrderByDescending(v => v.SubmittedAt).Cast<ApplicationStatus>()]);
    }

    /// <summary>The application as its applicant follows it, when it names the worker; else null (as if it did not exist).</summary>
    public async Task<ApplicantView?> ApplicationAsync(string workerKey, string applicationId, CancellationToken cancellationToken) =>
        ApplicationIds.IsWellFormed(applicationId) && await index.NamesAsync(workerKey, applicationId, cancellationToken)
            && await queries.GetForApplicantAsync(applicationId, cancellationToken) is ApplicantView view
            ? ForWorker(view)
            : null;

    /// <summary>
    /// The applicant's view as the worker reads it: a withdrawal under way, and where the employer follows it, stay out
    /// (the hearing is the employer's); the worker learns of a withdrawal with its decision (<see cref="AuthorisationView.WithdrawnOn"/>).
    /// </summary>
    static ApplicantView ForWorker(ApplicantView view) => view.Decision is { Authorisation: { } authorisation } decision
        ? view with { Decision = decision with { Authorisation = authorisation with { WithdrawalUnderWay = false, WithdrawalUrl = null } } }
        : view;

    /// <summary>The decision letter of an application that names the worker, once issued; else null.</summary>
    public async Task<(string Name, LetterFile Letter)?> LetterAsync(string workerKey, string applicationId, CancellationToken cancellationToken) =>
        ApplicationIds.IsWellFormed(applicationId) && await index.NamesAsync(workerKey, applicationId, cancellationToken)
            ? await queries.LetterAsync(applicationId, cancellationToken)
            : null;

    /// <summary>The export; each application's audit log records who exported it and when.</summary>
    public async Task<WorkerExport> ExportAsync(string workerKey, Actor worker, string requestId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(worker);
        DateTimeOffset now = time.GetUtcNow();
        var applications = new List<WorkerExportApplication>();
        foreach (string applicationId in await index.ListAsync(workerKey, MaxApplications, cancellationToken))
        {
            if (await dossiers.GetApplicationAsync(applicationId, cancellationToken) is not ApplicationDossier dossier)
            {
                continue; // removed under the retention rules: nothing is held any more
            }

            applications.Add(new WorkerExportApplication(
                applicationId,
                dossier.Category,
                dossier.SubmittedAt,
                dossier.Employer is { } employer ? $"{employer.Name} ({employer.Kbo})" : "the worker, as self-employed",
                dossier.Worker,
                dossier.Job,
                await dossiers.ListDocumentsAsync(applicationId, cancellationToken),
                await queries.GetForApplicantAsync(applicationId, cancellationToken) is ApplicantView procedure ? ForWorker(procedure) : null,
                await register.GetAsync(applicationId, cancellationToken) is { } authorisation ? WorkerAuthorisation.Of(authorisation) : null));
            await auditLog.AppendAsync(
                new AuditEntry(
                    applicationId,
                    $"personal-data-exported-{requestId}",
                    now,
                    CommandEvents.PersonalDataExported,
                    worker.Role,
                    new Dictionary<string, string>(StringComparer.Ordinal), // the row names its application, the worker and the request
                    worker.Subject,
                    worker.Name),
                cancellationToken);
        }

        return new WorkerExport(
            now,
            "The personal data the Flemish department for work authorisations holds about you, per application that names you. Ask the department for a copy of a document's content.",
            applications);
    }
}
