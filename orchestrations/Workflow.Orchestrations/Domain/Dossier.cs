using Workflow.Orchestrations.Domain.Identifiers;

namespace Workflow.Orchestrations.Domain;

/// <summary>
/// The application as filed, with its personal data. It lives in the dossier store only (DESIGN.md §3): activities
/// read it; it never enters orchestration inputs, outputs, events, custom status or logs.
/// </summary>
public sealed record ApplicationDossier(
    string ApplicationId,
    string SubmissionId,
    PermitCategory Category,
    DateTimeOffset SubmittedAt,
    EmployerDetails? Employer,
    SelfEmployedDetails? SelfEmployed,
    WorkerDetails Worker,
    JobDetails Job);

public sealed record EmployerDetails(string Kbo, string Name, string ContactEmail);

public sealed record SelfEmployedDetails(string Reference, string? Kbo, string ContactEmail);

public sealed record WorkerDetails(
    string GivenName,
    string FamilyName,
    string? PersonNumber,
    PersonNumberKind? PersonNumberKind,
    string? PassportNumber,
    string? Nationality,
    DateOnly? BirthDate,
    string? ContactEmail);

public sealed record JobDetails(
    string Title,
    int VksLevel,
    decimal GrossAnnualSalary,
    DateOnly StartDate,
    DateOnly? EndDate);

/// <summary>A document kept in the dossier: recorded with its type, size and SHA-256.</summary>
public sealed record StoredDocument(
    string Type,
    string FileName,
    string ContentType,
    long Size,
    string Sha256,
    DateTimeOffset ReceivedAt);
