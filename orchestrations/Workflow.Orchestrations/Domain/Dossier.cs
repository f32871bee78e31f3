using Workflow.Orchestrations.Domain.Identifiers;

namespace Workflow.Orchestrations.Domain;

/// <summary>
/// The application as filed, with its personal data. It lives in the dossier store only (docs/design.md#no-personal-data-in-history): activities
/// read it; it never enters orchestration inputs, outputs, events, custom status or logs. <c>Renews</c>: for a renewal,
/// the application id of the authorisation it renews (an id, not personal data).
/// </summary>
public sealed record ApplicationDossier(
    string ApplicationId,
    string SubmissionId,
    PermitCategory Category,
    DateTimeOffset SubmittedAt,
    EmployerDetails? Employer,
    SelfEmployedDetails? SelfEmployed,
    WorkerDetails Worker,
    JobDetails Job,
    LabourMarketTestDetails? LabourMarketTest = null,
    string? Renews = null)
{
    /// <summary>Who applied: the employer's KBO number, or the self-employed applicant's key.</summary>
    public string ApplicantKey => ApplicationIds.ApplicantKey(this.Employer?.Kbo, this.SelfEmployed?.Reference);
}

public sealed record EmployerDetails(string Kbo, string Name, string ContactEmail);

public sealed record SelfEmployedDetails(string Reference, string? Kbo, string ContactEmail);

/// <param name="QualificationVksLevel">The worker's highest qualification on the VKS scale, when declared (§2.2: a highly skilled person in a lower-level function cannot use the highly skilled category).</param>
/// <param name="NurseAwaitingRecognition">A nurse whose foreign diploma awaits recognition (§2.2 exception, with a care function).</param>
/// <param name="IntegrationTestPassed">Ministers of religion: proof of a passed integration and language test (§2.7), when given.</param>
public sealed record WorkerDetails(
    string GivenName,
    string FamilyName,
    string? PersonNumber,
    PersonNumberKind? PersonNumberKind,
    string? PassportNumber,
    string? Nationality,
    DateOnly? BirthDate,
    string? ContactEmail,
    int? QualificationVksLevel = null,
    bool NurseAwaitingRecognition = false,
    bool? IntegrationTestPassed = null);

/// <param name="OccupationCode">The occupation on the medium-skilled migration list (§2.3), for that category.</param>
/// <param name="CareFunction">The function is a care function (the nurse exception of §2.2).</param>
public sealed record JobDetails(
    string Title,
    int VksLevel,
    decimal GrossAnnualSalary,
    DateOnly StartDate,
    DateOnly? EndDate,
    string? OccupationCode = null,
    bool CareFunction = false);

/// <summary>The vacancy publications the employer declares for the labour-market test (§2.3), both dates inclusive.</summary>
public sealed record LabourMarketTestDetails(IReadOnlyList<Rules.VacancyPublication> Vacancies);

/// <summary>A document kept in the dossier: recorded with its type, size and SHA-256.</summary>
public sealed record StoredDocument(
    string Type,
    string FileName,
    string ContentType,
    long Size,
    string Sha256,
    DateTimeOffset ReceivedAt);
