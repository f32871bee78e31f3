using System.Globalization;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Policy;

namespace Workflow.Orchestrations.Rules;

/// <summary>
/// Data-driven fraud screening of the employer (§2.1, docs/policy.md; signals, not verdicts): scored 0–100, explained
/// signals that a caseworker weighs. A signal never refuses; it names the ground it may support. All thresholds are
/// placeholders in the eligibility data. Scoring: a signal rises to 50 at its threshold and grows linearly to 100 (at
/// twice the threshold for the applications ratio, at 100% for shares, at a zero declared wage for wages); below the
/// threshold there is no signal.
/// </summary>
public static class FraudScreening
{
    /// <summary>The signals for <paramref name="facts"/> under the thresholds in force on the Belgian date <paramref name="date"/>.</summary>
    public static IReadOnlyList<FraudSignal> Evaluate(EmployerFacts facts, EligibilityCatalog catalog, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(catalog);
        FraudScreeningEntry? thresholds = catalog.Resolve(date).FraudScreening;
        return thresholds is null ? [] : Evaluate(facts, thresholds);
    }

    /// <summary>The signals for <paramref name="facts"/> under <paramref name="thresholds"/>: only those scoring above 0, highest first.</summary>
    public static IReadOnlyList<FraudSignal> Evaluate(EmployerFacts facts, FraudScreeningEntry thresholds)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(thresholds);

        FraudSignal?[] signals = [EconomicHub(facts, thresholds), NonEuWorkforce(facts, thresholds), Wages(facts, thresholds)];
        return
        [
            .. signals
                .OfType<FraudSignal>()
                .Where(s => s.Score > 0)
                .OrderByDescending(s => s.Score)
                .ThenBy(s => s.Kind),
        ];
    }

    static FraudSignal? EconomicHub(EmployerFacts facts, FraudScreeningEntry t)
    {
        var parts = new List<string>();
        int score = 0;

        if (facts.ApplicationsLast12Months >= t.MinApplicationsForRatio && t.ApplicationsPerHeadcount > 0)
        {
            if (facts.Headcount <= 0)
            {
                score = Math.Max(score, 100);
                parts.Add(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{facts.ApplicationsLast12Months} applications in the last 12 months with no worker on the payroll (Dimona)."));
            }
            else
            {
                decimal ratio = (decimal)facts.ApplicationsLast12Months / facts.Headcount;
                if (ratio >= t.ApplicationsPerHeadcount)
                {
                    score = Math.Max(score, Rise((ratio - t.ApplicationsPerHeadcount) / t.ApplicationsPerHeadcount));
                    parts.Add(string.Create(
                        CultureInfo.InvariantCulture,
                        $"{facts.ApplicationsLast12Months} applications in the last 12 months against a workforce of {facts.Headcount} (Dimona): {Figures.Number(Math.Round(ratio, 2))} per worker, at or above the threshold of {Figures.Number(t.ApplicationsPerHeadcount)}."));
                }
            }
        }

        if (facts.AdmittedWorkersLast24Months >= t.MinAdmittedForShare && facts.AdmittedWorkersLast24Months > 0)
        {
            int notRetained = facts.AdmittedNeverInDimona + facts.AdmittedLeftWithin3Months;
            decimal share = 100m * notRetained / facts.AdmittedWorkersLast24Months;
            if (share >= t.NotRetainedSharePercent)
            {
                score = Math.Max(score, Rise(t.NotRetainedSharePercent >= 100m ? 1m : (share - t.NotRetainedSharePercent) / (100m - t.NotRetainedSharePercent)));
                parts.Add(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Of {facts.AdmittedWorkersLast24Months} workers admitted in the last 24 months, {facts.AdmittedNeverInDimona} never appeared in Dimona and {facts.AdmittedLeftWithin3Months} left within three months: {Figures.Number(Math.Round(share, 1))}% not retained, at or above the threshold of {Figures.Number(t.NotRetainedSharePercent)}%."));
            }
        }

        if (score == 0)
        {
            return null;
        }

        return new FraudSignal(
            SignalKind.EconomicHub,
            score,
            string.Join(" ", parts) + string.Create(
                CultureInfo.InvariantCulture,
                $" Thresholds are placeholders (policy entry {t.Id}). A signal, not a verdict: it may support the refusal or withdrawal ground '{DecisionGrounds.EconomicHub.Code}' (§2.1) if the caseworker finds the employer acts as a hub for the entry of non-EU workers."),
            DecisionGrounds.EconomicHub.Code,
            "§2.1");
    }

    static FraudSignal? NonEuWorkforce(EmployerFacts facts, FraudScreeningEntry t)
    {
        if (facts.Headcount <= 0 || facts.NonEuSharePercent < t.NonEuSharePercent)
        {
            return null;
        }

        int score = Rise(t.NonEuSharePercent >= 100m ? 1m : (facts.NonEuSharePercent - t.NonEuSharePercent) / (100m - t.NonEuSharePercent));
        return new FraudSignal(
            SignalKind.NonEuWorkforce,
            score,
            string.Create(
                CultureInfo.InvariantCulture,
                $"Non-EU workers make up {Figures.Number(facts.NonEuSharePercent)}% of a workforce of {facts.Headcount} (Dimona and the national register), at or above the threshold of {Figures.Number(t.NonEuSharePercent)}% (a placeholder, policy entry {t.Id}). A signal, not a verdict: the ground '{DecisionGrounds.NonEuWorkforceOnly.Code}' (§2.1) also needs that the employer ignores the available labour reserve in Flanders, Belgium and Europe, which the caseworker judges."),
            DecisionGrounds.NonEuWorkforceOnly.Code,
            "§2.1");
    }

    static FraudSignal? Wages(EmployerFacts facts, FraudScreeningEntry t)
    {
        if (facts.DeclaredMonthlyWageOfAdmitted is not decimal declared
            || facts.ContractMonthlyWageOfAdmitted is not decimal contract
            || contract <= 0m
            || t.WageRatio <= 0m)
        {
            return null;
        }

        decimal ratio = declared / contract;
        if (ratio > t.WageRatio)
        {
            return null;
        }

        int score = Rise((t.WageRatio - Math.Max(ratio, 0m)) / t.WageRatio);
        return new FraudSignal(
            SignalKind.WagesNotPaidAsDeclared,
            score,
            string.Create(
                CultureInfo.InvariantCulture,
                $"DMFA shows an average gross monthly wage of {Figures.Eur(declared)} for workers admitted earlier, against {Figures.Eur(contract)} in their contracts: {Figures.Number(Math.Round(ratio, 2))} of the contract wage, at or below the threshold of {Figures.Number(t.WageRatio)} (a placeholder, policy entry {t.Id}). Mainly for renewals and controls after a grant (§2.1, data-driven fraud detection). A signal, not a verdict: wages not paid as declared may support '{DecisionGrounds.ConditionsNotMet.Code}' (the salary condition of the category) once the caseworker or the inspection confirms it."),
            DecisionGrounds.ConditionsNotMet.Code,
            "§2.1");
    }

    /// <summary>50 at the threshold, rising linearly to 100 as <paramref name="beyond"/> (0 at the threshold) reaches 1.</summary>
    static int Rise(decimal beyond) => Figures.Score(0.5m + (Math.Clamp(beyond, 0m, 1m) / 2m));
}
