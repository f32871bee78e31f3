using System.Text;
using Workflow.Application.Submissions;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Domain.Identifiers;
using Workflow.Orchestrations.Policy;
using Workflow.Orchestrations.Rules;

namespace Workflow.Application.Validation;

/// <summary>A submission that passed validation, normalised, ready to become a dossier.</summary>
public sealed record ValidatedSubmission(
    string ApplicantKey,
    string SubmissionId,
    PermitCategory Category,
    EmployerDetails? Employer,
    SelfEmployedDetails? SelfEmployed,
    WorkerDetails Worker,
    JobDetails Job,
    IReadOnlyList<ValidatedDocument> Documents,
    LabourMarketTestDetails? LabourMarketTest,
    string? Renews = null)
{
    public ApplicationDossier ToDossier(string applicationId, DateTimeOffset submittedAt) =>
        new(applicationId, this.SubmissionId, this.Category, submittedAt, this.Employer, this.SelfEmployed, this.Worker, this.Job, this.LabourMarketTest, this.Renews);
}

/// <summary>
/// Validates <c>POST /api/applications</c> (issue: "validate everything"): ids and identifiers with their check digits
/// (docs/design.md#identifiers), required fields, sizes, text and documents. Returns every problem at once, per JSON path.
/// </summary>
public static class SubmissionValidator
{
    /// <summary>Work card: at most 90 days (§2.5).</summary>
    public const int WorkCardMaxDays = 90;

    public const int MaxVacancies = 20;

    /// <summary>EU, EEA and Swiss nationals have free access to work: they need no work authorisation.</summary>
    static readonly HashSet<string> FreeMovementNationalities = new(StringComparer.Ordinal)
    {
        "AUT", "BEL", "BGR", "HRV", "CYP", "CZE", "DNK", "EST", "FIN", "FRA", "DEU", "GRC", "HUN", "IRL", "ITA", "LVA", "LTU",
        "LUX", "MLT", "NLD", "POL", "PRT", "ROU", "SVK", "SVN", "ESP", "SWE", "ISL", "LIE", "NOR", "CHE",
    };

    public static ValidatedSubmission? Validate(SubmitApplicationRequest request, DateTimeOffset now, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(errors);

        TextRules.Id(errors, "submissionId", request.SubmissionId);
        if (!errors.Require("category", request.Category))
        {
            return null;
        }

        PermitCategory category = request.Category!.Value;
        DateOnly today = PolicyCatalog.BelgianDate(now);
        EmployerDetails? employer = null;
        SelfEmployedDetails? selfEmployed = null;
        string? applicantKey = null;

        if (category.IsFiledBySelfEmployed())
        {
            if (request.Employer is not null)
            {
                errors.Add("employer", "a professional card is asked by the self-employed person: give selfEmployed, not employer");
            }

            (selfEmployed, applicantKey) = ValidateSelfEmployed(errors, request.SelfEmployed);
        }
        else
        {
            if (request.SelfEmployed is not null)
            {
                errors.Add("selfEmployed", "only a professional card is asked by a self-employed person");
            }

            (employer, applicantKey) = ValidateEmployer(errors, request.Employer);
        }

        WorkerDetails? worker = ValidateWorker(errors, request.Worker, category, today);
        JobDetails? job = ValidateJob(errors, request.Job, category, today);
        LabourMarketTestDetails? labourMarketTest = ValidateLabourMarketTest(errors, request.LabourMarketTest, category, today);
        IReadOnlyList<ValidatedDocument> documents = DocumentRules.Validate(errors, "documents", request.Documents, now, required: false);
        if (request.Renews is not null && !ApplicationIds.IsWellFormed(request.Renews))
        {
            errors.Add("renews", $"must be the application id of the grant renewed: '{ApplicationIds.Prefix}' and {ApplicationIds.Length - ApplicationIds.Prefix.Length} lowercase letters or digits 2-7");
        }

        return errors.IsValid
            ? new ValidatedSubmission(applicantKey!, request.SubmissionId!, category, employer, selfEmployed, worker!, job!, documents, labourMarketTest, request.Renews)
            : null;
    }

    /// <summary>
    /// A correction of an application before its decision: the sections given replace the ones filed (the worker, the
    /// job, the labour-market test, the employer's name and contact); who applies and for which category cannot change.
    /// Returns the corrected application and the names of the sections corrected, or null with the errors.
    /// </summary>
    public static (ApplicationDossier Corrected, IReadOnlyList<string> Sections)? ValidateCorrection(
        Commands.CorrectionRequest request, ApplicationDossier filed, DateTimeOffset now, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(filed);
        ArgumentNullException.ThrowIfNull(errors);
        TextRules.Id(errors, "correctionId", request.CorrectionId);
        DateOnly today = PolicyCatalog.BelgianDate(now);
        var sections = new List<string>();
        ApplicationDossier corrected = filed;

        if (request.Employer is { } employer)
        {
            if (filed.Employer is null)
            {
                errors.Add("employer", "a professional card has no employer to correct");
            }
            else
            {
                TextRules.FreeText(errors, "employer.name", employer.Name, 200);
                TextRules.Email(errors, "employer.contactEmail", employer.ContactEmail);
                corrected = corrected with { Employer = filed.Employer with { Name = employer.Name?.Trim() ?? "", ContactEmail = employer.ContactEmail ?? "" } };
                sections.Add("employer");
            }
        }

        if (request.Worker is not null)
        {
            corrected = corrected with { Worker = ValidateWorker(errors, request.Worker, filed.Category, today) ?? filed.Worker };
            sections.Add("worker");
        }

        if (request.Job is not null)
        {
            corrected = corrected with { Job = ValidateJob(errors, request.Job, filed.Category, today) ?? filed.Job };
            sections.Add("job");
        }

        if (request.LabourMarketTest is not null)
        {
            corrected = corrected with { LabourMarketTest = ValidateLabourMarketTest(errors, request.LabourMarketTest, filed.Category, today) };
            sections.Add("labourMarketTest");
        }

        if (sections.Count == 0)
        {
            errors.Add("correction", "give at least one section to correct: employer (name, contactEmail), worker, job or labourMarketTest");
        }

        return errors.IsValid ? (corrected, sections) : null;
    }

    static (EmployerDetails?, string?) ValidateEmployer(ValidationErrors errors, EmployerInput? input)
    {
        if (!errors.Require("employer", input))
        {
            return (null, null);
        }

        string? kbo = null;
        if (errors.Require("employer.kbo", input!.Kbo) && !EnterpriseNumber.IsValid(input.Kbo, out kbo))
        {
            errors.Add("employer.kbo", "is not a valid KBO enterprise number (10 digits starting with 0 or 1, check digits 97 - first 8 mod 97)");
        }

        TextRules.FreeText(errors, "employer.name", input.Name, 200);
        TextRules.Email(errors, "employer.contactEmail", input.ContactEmail);
        return errors.IsValid && kbo is not null
            ? (new EmployerDetails(kbo, input.Name!.Trim(), input.ContactEmail!), kbo)
            : (null, kbo);
    }

    static (SelfEmployedDetails?, string?) ValidateSelfEmployed(ValidationErrors errors, SelfEmployedInput? input)
    {
        if (!errors.Require("selfEmployed", input))
        {
            return (null, null);
        }

        TextRules.Id(errors, "selfEmployed.reference", input!.Reference);
        string? kbo = null;
        if (input.Kbo is not null && !EnterpriseNumber.IsValid(input.Kbo, out kbo))
        {
            errors.Add("selfEmployed.kbo", "is not a valid KBO enterprise number");
        }

        TextRules.Email(errors, "selfEmployed.contactEmail", input.ContactEmail);
        string key = ApplicationIds.ApplicantKey(null, input.Reference);
        return (new SelfEmployedDetails(input.Reference ?? string.Empty, kbo, input.ContactEmail ?? string.Empty), key);
    }

    static WorkerDetails? ValidateWorker(ValidationErrors errors, WorkerInput? input, PermitCategory category, DateOnly today)
    {
        if (!errors.Require("worker", input))
        {
            return null;
        }

        TextRules.PersonName(errors, "worker.givenName", input!.GivenName);
        TextRules.PersonName(errors, "worker.familyName", input.FamilyName);
        TextRules.Email(errors, "worker.contactEmail", input.ContactEmail, required: false);

        if (input.Insz is not null && input.Bis is not null)
        {
            errors.Add("worker", "give either insz or bis, not both");
        }

        string? personNumber = null;
        PersonNumberKind? kind = null;
        DateOnly? encodedBirthDate = null;
        foreach ((string field, string? value, PersonNumberKind expected) in new[] { ("worker.insz", input.Insz, PersonNumberKind.Insz), ("worker.bis", input.Bis, PersonNumberKind.Bis) })
        {
            if (value is null)
            {
                continue;
            }

            PersonNumberCheck check = PersonNumber.Check(value);
            if (!check.IsValid)
            {
                errors.Add(field, $"is not a valid {(expected == PersonNumberKind.Insz ? "INSZ" : "BIS")} number: {check.Error}");
            }
            else if (check.Kind != expected)
            {
                errors.Add(field, expected == PersonNumberKind.Insz ? "is a BIS number: give it as bis" : "is an INSZ number: give it as insz");
            }
            else
            {
                personNumber = PersonNumber.Normalize(value);
                kind = check.Kind;
                encodedBirthDate = check.BirthDate;
            }
        }

        bool hasPersonNumber = input.Insz is not null || input.Bis is not null;
        string? passport = input.PassportNumber?.Trim().ToUpperInvariant();
        string? nationality = input.Nationality?.Trim().ToUpperInvariant();
        if (!hasPersonNumber)
        {
            // A first-time worker without INSZ or BIS is identified by passport, nationality and birth date.
            errors.Require("worker.passportNumber", passport);
            errors.Require("worker.nationality", nationality);
            errors.Require("worker.birthDate", input.BirthDate);
        }

        if (passport is not null && !TextRules.PassportNumber().IsMatch(passport))
        {
            errors.Add("worker.passportNumber", "must be 5 to 20 letters or digits");
        }

        if (nationality is not null)
        {
            if (!TextRules.CountryCode().IsMatch(nationality))
            {
                errors.Add("worker.nationality", "must be an ISO 3166-1 alpha-3 country code, for example IND");
            }
            else if (FreeMovementNationalities.Contains(nationality))
            {
                errors.Add("worker.nationality", "EU, EEA and Swiss nationals need no work authorisation");
            }
        }

        DateOnly? birthDate = input.BirthDate ?? encodedBirthDate;
        if (input.BirthDate is DateOnly given && encodedBirthDate is DateOnly encoded && encoded != given)
        {
            errors.Add("worker.birthDate", "does not match the birth date in the INSZ/BIS number");
        }

        // Also for the birth date an INSZ/BIS encodes: a number whose check digits only fit a birth in the future is not a person's.
        if (birthDate is DateOnly born && (born > today.AddYears(-15) || born < today.AddYears(-100)))
        {
            string field = input.BirthDate is not null ? "worker.birthDate" : input.Insz is not null ? "worker.insz" : "worker.bis";
            errors.Add(field, "the worker must be between 15 and 100 years old");
        }

        if (input.QualificationVksLevel is < 1 or > 8)
        {
            errors.Add("worker.qualificationVksLevel", "must be a VKS level from 1 to 8");
        }

        if (input.IntegrationTestPassed is not null && category != PermitCategory.MinisterOfReligion)
        {
            errors.Add("worker.integrationTestPassed", "only ministers of religion give proof of an integration test (§2.7)");
        }

        return new WorkerDetails(
            input.GivenName?.Normalize(NormalizationForm.FormC).Trim() ?? string.Empty,
            input.FamilyName?.Normalize(NormalizationForm.FormC).Trim() ?? string.Empty,
            personNumber,
            kind,
            passport,
            nationality,
            birthDate,
            input.ContactEmail,
            input.QualificationVksLevel,
            input.NurseAwaitingRecognition ?? false,
            input.IntegrationTestPassed);
    }

    static JobDetails? ValidateJob(ValidationErrors errors, JobInput? input, PermitCategory category, DateOnly today)
    {
        if (!errors.Require("job", input))
        {
            return null;
        }

        TextRules.FreeText(errors, "job.title", input!.Title, 200);
        if (errors.Require("job.vksLevel", input.VksLevel) && input.VksLevel is < 1 or > 8)
        {
            errors.Add("job.vksLevel", "must be a VKS level from 1 to 8");
        }

        if (errors.Require("job.grossAnnualSalary", input.GrossAnnualSalary) && input.GrossAnnualSalary is <= 0 or > 10_000_000)
        {
            errors.Add("job.grossAnnualSalary", "must be a positive amount in EUR, at most 10,000,000");
        }

        if (errors.Require("job.startDate", input.StartDate) && (input.StartDate < today.AddYears(-1) || input.StartDate > today.AddYears(2)))
        {
            errors.Add("job.startDate", "must be within a year before and two years after today");
        }

        if (input.EndDate is DateOnly end && input.StartDate is DateOnly start && end < start)
        {
            errors.Add("job.endDate", "must not be before the start date");
        }

        if (category == PermitCategory.WorkCard)
        {
            if (errors.Require("job.endDate", input.EndDate) && input.StartDate is DateOnly from
                && input.EndDate!.Value.DayNumber - from.DayNumber + 1 > WorkCardMaxDays)
            {
                errors.Add("job.endDate", $"a work card covers at most {WorkCardMaxDays} days");
            }
        }

        if (category == PermitCategory.MediumSkilledShortage && errors.Require("job.occupationCode", input.OccupationCode)
            && !TextRules.OccupationCode().IsMatch(input.OccupationCode!))
        {
            errors.Add("job.occupationCode", "must be an occupation code of the migration list, e.g. roofer (lowercase letters, digits and '-')");
        }
        else if (category != PermitCategory.MediumSkilledShortage && input.OccupationCode is not null)
        {
            errors.Add("job.occupationCode", "only a medium-skilled shortage occupation names its occupation on the migration list");
        }

        return new JobDetails(
            input.Title?.Trim() ?? string.Empty,
            input.VksLevel ?? 0,
            input.GrossAnnualSalary ?? 0,
            input.StartDate ?? default,
            input.EndDate,
            input.OccupationCode,
            input.CareFunction ?? false);
    }

    /// <summary>The vacancy publications of the labour-market test (§2.3): categories "other" and seasonal work only.</summary>
    static LabourMarketTestDetails? ValidateLabourMarketTest(ValidationErrors errors, LabourMarketTestInput? input, PermitCategory category, DateOnly today)
    {
        bool applies = category is PermitCategory.Other or PermitCategory.Seasonal;
        if (input is null)
        {
            return applies ? new LabourMarketTestDetails([]) : null;
        }

        if (!applies)
        {
            errors.Add("labourMarketTest", "only the categories other and seasonal work need a labour-market test (§2.3)");
            return null;
        }

        IReadOnlyList<VacancyInput?> vacancies = input.Vacancies ?? [];
        if (vacancies.Count > MaxVacancies)
        {
            errors.Add("labourMarketTest.vacancies", $"at most {MaxVacancies} publications");
            return null;
        }

        var publications = new List<VacancyPublication>();
        for (int i = 0; i < vacancies.Count; i++)
        {
            string field = $"labourMarketTest.vacancies[{i}]";
            VacancyInput? vacancy = vacancies[i];
            if (!errors.Require(field, vacancy))
            {
                continue;
            }

            bool complete = errors.Require($"{field}.site", vacancy!.Site) & errors.Require($"{field}.from", vacancy.From) & errors.Require($"{field}.to", vacancy.To);
            if (!complete)
            {
                continue;
            }

            if (vacancy.To < vacancy.From)
            {
                errors.Add($"{field}.to", "must not be before from");
            }
            else if (vacancy.To > today || vacancy.From < today.AddYears(-2))
            {
                errors.Add(field, "a publication lies in the two years before today");
            }
            else
            {
                publications.Add(new VacancyPublication(vacancy.Site!.Value, vacancy.From!.Value, vacancy.To!.Value));
            }
        }

        return new LabourMarketTestDetails(publications);
    }
}
