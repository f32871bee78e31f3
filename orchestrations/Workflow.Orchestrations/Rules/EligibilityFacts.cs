using Workflow.Orchestrations.Domain;

namespace Workflow.Orchestrations.Rules;

/// <summary>The two sites a vacancy must be published on for the labour-market test (§2.3).</summary>
public enum VacancySite
{
    Vdab,
    Eures,
}

/// <summary>One publication of the vacancy, both dates inclusive (as the employer declares it).</summary>
public sealed record VacancyPublication(VacancySite Site, DateOnly From, DateOnly To);

/// <summary>
/// What the eligibility rules of a category look at (docs/policy.md §2.2, §2.3, §2.7), taken from the dossier and the authentic sources
/// by an activity. Dates are Belgian dates; the submission date chooses the policy in force.
/// </summary>
/// <param name="Category">The category applied for.</param>
/// <param name="SubmissionDate">The Belgian date of submission.</param>
/// <param name="JobVksLevel">The VKS level of the function (1–8).</param>
/// <param name="WorkerQualificationVks">The worker's highest qualification level, when known (a highly skilled person in a lower-level function cannot use the highly skilled category).</param>
/// <param name="WorkerAgeAtSubmission">The worker's age in whole years on the submission date, when known.</param>
/// <param name="GrossAnnualSalary">The gross annual salary of the contract, in EUR.</param>
/// <param name="OccupationCode">The occupation on the medium-skilled migration list, for that category.</param>
/// <param name="NurseAwaitingRecognition">A nurse awaiting recognition of a foreign diploma who works in another care function (§2.2 exception).</param>
/// <param name="Vacancies">The vacancy publications the employer declares (labour-market test, §2.3).</param>
/// <param name="DocumentTypes">The document types in the dossier.</param>
/// <param name="IntegrationTestPassed">Ministers of religion: proof of a passed integration and language test, when given.</param>
public sealed record EligibilityFacts(
    PermitCategory Category,
    DateOnly SubmissionDate,
    int JobVksLevel,
    int? WorkerQualificationVks,
    int? WorkerAgeAtSubmission,
    decimal GrossAnnualSalary,
    string? OccupationCode,
    bool NurseAwaitingRecognition,
    IReadOnlyList<VacancyPublication> Vacancies,
    IReadOnlySet<string> DocumentTypes,
    bool? IntegrationTestPassed);
