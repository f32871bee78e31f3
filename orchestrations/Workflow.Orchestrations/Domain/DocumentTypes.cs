namespace Workflow.Orchestrations.Domain;

/// <summary>
/// Document type codes. Which ones a category requires is policy data (Policy/Data); the list of codes itself is
/// an <b>addition</b>: the concept note names the worker-information statement (§2.8), the vacancy evidence and search
/// dossier (§2.3) and the ministers' shortage proof (§2.7); the rest is current practice.
/// </summary>
public static class DocumentTypes
{
    public const string Passport = "passport";
    public const string EmploymentContract = "employment-contract";
    public const string WorkerInformationStatement = "worker-information-statement";
    public const string Diploma = "diploma";
    public const string QualificationProof = "qualification-proof";
    public const string VacancyEvidence = "vacancy-evidence";
    public const string SearchDossier = "search-dossier";
    public const string MinisterShortageProof = "minister-shortage-proof";
    public const string BusinessPlan = "business-plan";
    public const string InformationResponse = "information-response";
    public const string Other = "other";

    public static IReadOnlySet<string> Known { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        Passport, EmploymentContract, WorkerInformationStatement, Diploma, QualificationProof, VacancyEvidence,
        SearchDossier, MinisterShortageProof, BusinessPlan, InformationResponse, Other,
    };
}
