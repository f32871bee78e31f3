namespace Workflow.Orchestrations.Ports;

/// <summary>
/// The subjects and fields of the one-view (§2.9), shared by the sources' adapters and the activities that read them.
/// Values are strings as the sources give them; numbers in invariant culture.
/// </summary>
public static class SourceFields
{
    public const string Employer = "employer";
    public const string Worker = "worker";

    /// <summary>KBO: "active", "stopped" or "not-registered".</summary>
    public const string EnterpriseStatus = "enterprise-status";
    public const string LegalName = "legal-name";
    public const string NaceCode = "nace-code";
    public const string Directors = "directors";

    /// <summary>KBO: the current directors' INSZ or BIS numbers, comma-separated (personal data: dossier only; the exclusion check, §2.1).</summary>
    public const string DirectorPersonNumbers = "director-person-numbers";

    /// <summary>Dimona: current workforce.</summary>
    public const string Headcount = "headcount";
    public const string NonEuSharePercent = "non-eu-share-percent";
    public const string AdmittedLast24Months = "admitted-workers-last-24-months";
    public const string AdmittedStillEmployed = "admitted-workers-still-employed";
    public const string AdmittedNeverInDimona = "admitted-workers-never-in-dimona";
    public const string AdmittedLeftWithin3Months = "admitted-workers-left-within-3-months";

    /// <summary>DMFA: average gross monthly wage declared last quarter, EUR.</summary>
    public const string AverageMonthlyWage = "average-gross-monthly-wage-last-quarter-eur";
    public const string DeclaredMonthlyWageOfAdmitted = "declared-monthly-wage-of-admitted-eur";
    public const string ContractMonthlyWageOfAdmitted = "contract-monthly-wage-of-admitted-eur";

    /// <summary>DMFA, subject worker: the gross wage the employer declared for the worker last quarter, EUR (only for a worker it employs).</summary>
    public const string WorkerGrossWageLastQuarter = "gross-wage-last-quarter-eur";

    /// <summary>National register: "found", "not-found", or "not-registered" (BIS holders and first-time workers).</summary>
    public const string Registration = "registration";

    /// <summary>The value of a field, or null when the sources gave none.</summary>
    public static string? Value(this AuthenticSourceOverview overview, AuthenticSource source, string subject, string field)
    {
        ArgumentNullException.ThrowIfNull(overview);
        return overview.Records.FirstOrDefault(r => r.Source == source && r.Subject == subject && r.Field == field)?.Value;
    }
}
