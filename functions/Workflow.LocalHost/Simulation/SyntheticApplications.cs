using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Workflow.LocalHost.Simulation;

/// <summary>
/// The applications a run submits: made-up people and companies (identifiers with valid check digits that belong to
/// nobody; the same as tests/samples), each with its own passport number and documents, job dates relative to today.
/// </summary>
public static class SyntheticApplications
{
    public const string HighlySkilled = "highly-skilled";
    public const string MediumSkilledShortage = "medium-skilled-shortage";
    public const string WorkCard = "work-card";
    public const string ProfessionalCard = "professional-card";

    /// <summary>The self-employed applicant of every simulated professional card (no federal leg, the ordinary fee).</summary>
    const string SelfEmployedReference = "SE-SIM-0001";

    public static IReadOnlyList<string> Categories { get; } = [HighlySkilled, MediumSkilledShortage, WorkCard, ProfessionalCard];

    /// <summary>The document an applicant who leaves one out leaves out (one its category requires).</summary>
    public static string DocumentLeftOut(string category) => category == ProfessionalCard ? "business-plan" : "employment-contract";

    /// <summary>The employer's KBO number per category: an employer of the samples, not one the simulated sources flag.</summary>
    public static string EmployerOf(string category) => category switch
    {
        HighlySkilled => "0412345614",
        MediumSkilledShortage => "0876543270",
        WorkCard => "0987654394",
        ProfessionalCard => "1020304002", // the self-employed person's own company
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "Not a simulated category."),
    };

    /// <summary>Who applies, as the applicant token names it: the employer's KBO number, or the self-employed reference.</summary>
    public static string ApplicantOf(string category) => category == ProfessionalCard ? $"self:{SelfEmployedReference}" : EmployerOf(category);

    public static bool HasFee(string category) => category != WorkCard;

    /// <summary>
    /// The application's body. Its submission id (and so its application id, and the federal office's draws for it)
    /// derives from the seed and its number alone: two runs of a seed, each in its own task hub, get the same ids.
    /// </summary>
    public static JsonObject Build(int seed, PlannedApplication planned, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(planned);
        string number = planned.Number.ToString("D6", CultureInfo.InvariantCulture);
        string startDate = today.AddDays(90).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var documents = new JsonArray();
        foreach (string type in DocumentsOf(planned.Category).Where(t => planned.MissingDocumentAfterDays is null || t != DocumentLeftOut(planned.Category)))
        {
            documents.Add(Document(type, string.Create(CultureInfo.InvariantCulture, $"{seed}-{number}")));
        }

        (string title, int vks, int salary, string? occupation) = planned.Category switch
        {
            HighlySkilled => ("Robotics software engineer", 7, 56000, (string?)null),
            MediumSkilledShortage => ("Roofer", 4, 38500, "roofer"),
            ProfessionalCard => ("Graphic designer (self-employed)", 6, 40000, null),
            _ => ("Conference interpreter", 6, 42000, null),
        };
        var job = new JsonObject { ["title"] = title, ["vksLevel"] = vks, ["grossAnnualSalary"] = salary, ["startDate"] = startDate };
        if (occupation is not null)
        {
            job["occupationCode"] = occupation;
        }

        if (planned.Category == WorkCard)
        {
            job["endDate"] = today.AddDays(150).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        var application = new JsonObject
        {
            ["submissionId"] = string.Create(CultureInfo.InvariantCulture, $"SIM-{seed}-{number}"),
            ["category"] = planned.Category,
            ["worker"] = new JsonObject
            {
                ["givenName"] = "Sim",
                ["familyName"] = "Worker " + Letters(planned.Number), // names take letters only
                ["passportNumber"] = "S" + number,
                ["nationality"] = "IND",
                ["birthDate"] = "1994-06-12",
                ["contactEmail"] = $"worker-{number}@simulated.example",
                ["qualificationVksLevel"] = vks,
            },
            ["job"] = job,
            ["documents"] = documents,
        };
        application[planned.Category == ProfessionalCard ? "selfEmployed" : "employer"] = planned.Category == ProfessionalCard
            ? new JsonObject { ["reference"] = SelfEmployedReference, ["kbo"] = EmployerOf(ProfessionalCard), ["contactEmail"] = "studio@simulated-self-employed.example" }
            : new JsonObject { ["kbo"] = EmployerOf(planned.Category), ["name"] = "Simulated Employer NV", ["contactEmail"] = "hr@simulated-employer.example" };
        return application;
    }

    /// <summary>1 → "A", 27 → "AA": a distinct name per application.</summary>
    static string Letters(int number)
    {
        var letters = new StringBuilder();
        for (int n = number; n > 0; n = (n - 1) / 26)
        {
            letters.Insert(0, (char)('A' + ((n - 1) % 26)));
        }

        return letters.ToString();
    }

    static string[] DocumentsOf(string category) => category switch
    {
        HighlySkilled => ["passport", "employment-contract", "worker-information-statement", "diploma"],
        MediumSkilledShortage => ["passport", "employment-contract", "worker-information-statement", "qualification-proof"],
        ProfessionalCard => ["passport", "business-plan"],
        _ => ["passport", "employment-contract", "worker-information-statement"],
    };

    /// <summary>A small PDF, distinct per application so no two dossiers share a document.</summary>
    public static JsonObject Document(string type, string marker) => new()
    {
        ["type"] = type,
        ["fileName"] = type + ".pdf",
        ["contentType"] = "application/pdf",
        ["contentBase64"] = Convert.ToBase64String(Encoding.ASCII.GetBytes($"%PDF-1.4\n% simulated {type} {marker}\n%%EOF\n")),
    };
}
