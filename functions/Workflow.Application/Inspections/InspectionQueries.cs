using Workflow.Application.Access;
using Workflow.Application.Ports;
using Workflow.Application.Queries;
using Workflow.Orchestrations.Cases;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Ports;
using Workflow.Orchestrations.Register;

namespace Workflow.Application.Inspections;

/// <summary>
/// Ex-post controls (§2.10 (d)): an inspector's searches of the authorisations register (by employer, or by a director's
/// person number fingerprinted as the register keeps it) and of an employer's applications (the applicant index, with
/// each application's stage from the case index). Every search is written to the audit log under
/// <see cref="AuditPartition"/> with who searched and for what: the KBO number, or the director's fingerprint key,
/// never the person number.
/// </summary>
public sealed class InspectionQueries(
    IAuthorisationRegister register,
    IApplicantIndex applicants,
    ICaseIndex caseIndex,
    IPartyFingerprint fingerprints,
    IAuditLog auditLog,
    TimeProvider time)
{
    public const string AuditPartition = "inspections";
    public const string SearchEvent = "inspection-search";

    public async Task<InspectedAuthorisationPage> GrantsAsync(InspectionSearch search, Actor inspector, int pageSize, string? continuation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(inspector);
        string? director = search.DirectorPersonNumber is string number ? PartyKeys.Director(fingerprints, number) : null;
        await this.AuditAsync(inspector, "grants", search.EmployerKbo, director, cancellationToken);
        AuthorisationPage page = director is not null
            ? await register.ListByDirectorAsync(director, pageSize, continuation, cancellationToken)
            : await register.ListByEmployerAsync(search.EmployerKbo!, pageSize, continuation, cancellationToken);
        return new InspectedAuthorisationPage([.. page.Items.Select(View)], page.Continuation);
    }

    public async Task<InspectedApplicationPage> ApplicationsAsync(string employerKbo, Actor inspector, int pageSize, string? continuation, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(employerKbo);
        ArgumentNullException.ThrowIfNull(inspector);
        await this.AuditAsync(inspector, "applications", employerKbo, null, cancellationToken);
        ApplicantIndexPage page = await applicants.ListAsync(employerKbo, pageSize, continuation, cancellationToken);
        InspectedApplication[] items = await Task.WhenAll(page.Entries.Select(async entry =>
        {
            PermitCase? state = await caseIndex.GetAsync(entry.ApplicationId, cancellationToken);
            return new InspectedApplication(
                entry.ApplicationId,
                entry.Category,
                entry.SubmittedAt,
                state?.Stage ?? Stage.Received,
                state?.Outcome,
                ApplicationQueries.StatusUrl(entry.ApplicationId));
        }));
        return new InspectedApplicationPage(items, page.Continuation);
    }

    public static InspectedAuthorisation View(Authorisation authorisation)
    {
        ArgumentNullException.ThrowIfNull(authorisation);
        return new InspectedAuthorisation(
            authorisation.ApplicationId,
            authorisation.Employer,
            authorisation.Category,
            authorisation.ValidFrom,
            authorisation.ValidUntil,
            authorisation.State,
            ApplicationQueries.StatusUrl(authorisation.ApplicationId),
            authorisation.Renews,
            authorisation.WithdrawalUnderWay,
            authorisation.WithdrawalId,
            authorisation.WithdrawalId is string withdrawal ? Withdrawals.WithdrawalIds.Url(withdrawal) : null,
            authorisation.WithdrawnOn);
    }

    Task AuditAsync(Actor inspector, string searched, string? employer, string? directorKey, CancellationToken cancellationToken)
    {
        DateTimeOffset now = time.GetUtcNow();
        var details = new Dictionary<string, string>(StringComparer.Ordinal) { ["searched"] = searched };
        if (employer is not null)
        {
            details["employer"] = employer;
        }

        if (directorKey is not null)
        {
            details["director"] = directorKey;
        }

        return auditLog.AppendAsync(
            new AuditEntry(AuditPartition, $"search-{Guid.NewGuid():N}", now, SearchEvent, inspector.Role, details, inspector.Subject, inspector.Name),
            cancellationToken);
    }
}
