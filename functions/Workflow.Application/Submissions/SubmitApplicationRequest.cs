using System.Text.Json.Serialization;
using Workflow.Application.Validation;
using Workflow.Orchestrations.Domain;

namespace Workflow.Application.Submissions;

/// <summary>
/// <c>POST /api/applications</c>: an application as the portal sends it. Every member is nullable so that a missing
/// one gets a clear validation message rather than a parse error. Unknown members are rejected (a client cannot,
/// for instance, send its own submission time: the system takes it). <c>Renews</c> makes it a renewal: the application
/// id of the grant whose authorisation it renews (as the register and the grant's status name it).
/// </summary>
public sealed record SubmitApplicationRequest(
    string? SubmissionId,
    PermitCategory? Category,
    EmployerInput? Employer,
    SelfEmployedInput? SelfEmployed,
    WorkerInput? Worker,
    JobInput? Job,
    IReadOnlyList<DocumentInput>? Documents,
    LabourMarketTestInput? LabourMarketTest = null,
    string? Renews = null)
{
    /// <summary>Members a submission no longer takes, with what to send instead (a flag was once asked for renewals).</summary>
    public static readonly IReadOnlyDictionary<string, string> RetiredMembers = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["renewal"] = "a renewal names the authorisation it renews: give renews, the application id of the grant (GET /api/applications/{id} of the grant shows it), instead of a flag.",
    };
}

/// <summary>The employer (every category but the professional card).</summary>
public sealed record EmployerInput(string? Kbo, string? Name, string? ContactEmail);

/// <summary>The self-employed applicant (professional card): a reference of the portal, and a KBO number if there is one.</summary>
public sealed record SelfEmployedInput(string? Reference, string? Kbo, string? ContactEmail);

/// <summary>
/// The worker. <c>Insz</c> or <c>Bis</c> when the worker has one; a first-time non-EU worker usually has neither:
/// then passport number, nationality and birth date identify the worker.
/// </summary>
public sealed record WorkerInput(
    string? GivenName,
    string? FamilyName,
    string? Insz,
    string? Bis,
    string? PassportNumber,
    string? Nationality,
    DateOnly? BirthDate,
    string? ContactEmail,
    int? QualificationVksLevel = null,
    bool? NurseAwaitingRecognition = null,
    bool? IntegrationTestPassed = null);

/// <summary>
/// The job: title, level on the Flemish qualification framework (VKS 1–8), gross annual salary in EUR, dates; the
/// occupation code on the migration list (medium-skilled shortage occupations); whether it is a care function.
/// </summary>
public sealed record JobInput(
    string? Title,
    int? VksLevel,
    decimal? GrossAnnualSalary,
    DateOnly? StartDate,
    DateOnly? EndDate,
    string? OccupationCode = null,
    bool? CareFunction = null);

/// <summary>The labour-market test (§2.3): where and when the vacancy was published (categories "other" and seasonal work).</summary>
public sealed record LabourMarketTestInput(IReadOnlyList<VacancyInput?>? Vacancies);

/// <summary>One publication of the vacancy: site ("vdab" or "eures") and dates, both inclusive.</summary>
public sealed record VacancyInput(Workflow.Orchestrations.Rules.VacancySite? Site, DateOnly? From, DateOnly? To);

/// <summary>A document, inline: type code, file name, content type and the content in base64.</summary>
public sealed record DocumentInput(string? Type, string? FileName, string? ContentType, string? ContentBase64)
{
    /// <summary>
    /// The content as the HTTP API staged it while reading the request (<see cref="ContentBase64"/> then holds a
    /// reference to it, not the base64); never part of the JSON.
    /// </summary>
    [JsonIgnore]
    public StagedDocumentContent? Staged { get; init; }
}

/// <summary>
/// <c>POST /api/applications/{id}/documents</c>: documents supplied later (missing ones, or an answer to an information
/// request). <c>RequestId</c>, when given, names the information request they answer; it must be the open one.
/// </summary>
public sealed record SupplyDocumentsRequest(IReadOnlyList<DocumentInput>? Documents, string? RequestId = null);
