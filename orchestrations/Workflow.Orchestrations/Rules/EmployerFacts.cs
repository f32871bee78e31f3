namespace Workflow.Orchestrations.Rules;

/// <summary>
/// What the fraud screening (§2.1) looks at for an employer, from the authentic sources (Dimona, DMFA, KBO) and the
/// platform's own records. Counts and figures only.
/// </summary>
/// <param name="Headcount">Current workforce (Dimona).</param>
/// <param name="NonEuSharePercent">Share of non-EU workers in the workforce, 0–100 (Dimona + national register).</param>
/// <param name="ApplicationsLast12Months">Applications this employer filed in the last 12 months (the platform's case index), this one included.</param>
/// <param name="AdmittedWorkersLast24Months">Workers admitted for this employer in the last 24 months.</param>
/// <param name="AdmittedNeverInDimona">Of those, how many never appeared in Dimona (never declared as employed).</param>
/// <param name="AdmittedLeftWithin3Months">Of those, how many left within three months of arrival (Dimona exit).</param>
/// <param name="DeclaredMonthlyWageOfAdmitted">Average gross monthly wage DMFA shows for earlier admitted workers, when any.</param>
/// <param name="ContractMonthlyWageOfAdmitted">Average gross monthly wage their contracts promised, when any.</param>
public sealed record EmployerFacts(
    int Headcount,
    decimal NonEuSharePercent,
    int ApplicationsLast12Months,
    int AdmittedWorkersLast24Months,
    int AdmittedNeverInDimona,
    int AdmittedLeftWithin3Months,
    decimal? DeclaredMonthlyWageOfAdmitted,
    decimal? ContractMonthlyWageOfAdmitted);

/// <summary>The kinds of fraud signal (§2.1); each maps to a refusal or withdrawal ground a caseworker may cite.</summary>
public enum SignalKind
{
    /// <summary>Economic hub for the entry of non-EU workers.</summary>
    EconomicHub,

    /// <summary>Almost exclusively non-EU workers, ignoring the available labour reserve.</summary>
    NonEuWorkforce,

    /// <summary>Wages not paid as declared (DMFA against the contract): mainly for renewals and controls.</summary>
    WagesNotPaidAsDeclared,
}

/// <summary>A scored, explained signal: never a verdict. Score 0–100; the ground it may support, by code.</summary>
public sealed record FraudSignal(SignalKind Kind, int Score, string Explanation, string SupportsGround, string Section);
