using System.Globalization;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Policy;

namespace Workflow.Orchestrations.Rules;

/// <summary>
/// The wage check of a renewal (rule <see cref="RuleIds.RenewalWage"/>): the wage DMFA declares for the worker last
/// quarter, annualised (four quarters), against the gross annual wage of the grant it renews and against the threshold
/// of the year the category's salary rule applies (highly skilled: the full or reduced threshold; medium-skilled
/// shortage, and "other" and seasonal work once their salary is at the medium-skilled level: that level). A wage that
/// fell below either is not met; no declared wage, or no known previous wage, needs the caseworker's judgement. Like
/// every rule it informs the caseworker and refuses nothing.
/// </summary>
public static class RenewalWage
{
    const string Section = "§2.1";

    public static RuleResult Evaluate(RenewalWageFacts facts, EligibilityCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(catalog);
        string renewed = $"the authorisation it renews (application {facts.RenewedApplicationId})";
        if (facts.DeclaredWageLastQuarter is not decimal quarter)
        {
            return Result(
                RuleOutcome.NeedsJudgement,
                $"DMFA declares no wage for the worker with this employer last quarter: the caseworker checks whether, and what, the worker was paid under {renewed}.");
        }

        decimal annual = quarter * 4;
        string wage = $"DMFA declares {Figures.Eur(quarter)} for the worker last quarter, {Figures.Eur(annual)} a year";
        YearThreshold? threshold = Threshold(facts, catalog.Resolve(facts.SubmissionDate));
        string noThreshold = threshold is null
            ? $" The category has no salary threshold in force on {Figures.Date(facts.SubmissionDate)}: only the previous grant's wage is compared."
            : string.Empty;

        var findings = new List<string>();
        bool belowPrevious = false, belowThreshold = false;
        if (facts.PreviousGrossAnnualSalary is decimal previous)
        {
            belowPrevious = annual < previous;
            findings.Add(belowPrevious
                ? $"below the wage of {renewed}, {Figures.Eur(previous)} a year, short by {Figures.Eur(previous - annual)}"
                : $"at or above the wage of {renewed}, {Figures.Eur(previous)} a year");
        }

        if (threshold is not null)
        {
            belowThreshold = annual < threshold.Amount;
            findings.Add(belowThreshold
                ? $"below {threshold.Text}, short by {Figures.Eur(threshold.Amount - annual)}"
                : $"at or above {threshold.Text}");
        }

        string said = $"{wage}: {string.Join("; ", findings)}.{noThreshold}";
        if (facts.PreviousGrossAnnualSalary is null)
        {
            return Result(RuleOutcome.NeedsJudgement, $"{said} The wage of {renewed} is not known here: the caseworker compares it.");
        }

        if (!belowPrevious && belowThreshold && threshold!.ReducedIfYounger is decimal reduced && annual >= reduced)
        {
            return Result(
                RuleOutcome.NeedsJudgement,
                string.Create(CultureInfo.InvariantCulture, $"{said} It reaches the reduced threshold of {Figures.Eur(reduced)}, which applies to workers under {threshold.ReducedBelowAge}; the worker's age is not known: the caseworker checks it."));
        }

        return belowPrevious || belowThreshold
            ? Result(RuleOutcome.NotMet, $"{said} A wage that fell may mean wages not paid as declared, which may support '{DecisionGrounds.ConditionsNotMet.Code}' once the caseworker confirms it.")
            : Result(RuleOutcome.Met, said);
    }

    static RuleResult Result(RuleOutcome outcome, string explanation) => new(RuleIds.RenewalWage, Section, outcome, explanation);

    /// <summary>The threshold of the year for the category, as its salary rule reads it; null when the category has none in force.</summary>
    static YearThreshold? Threshold(RenewalWageFacts facts, EligibilityTerms terms)
    {
        switch (facts.Category)
        {
            case PermitCategory.HighlySkilled when terms.HighlySkilledSalary is { } salary:
                bool reduced = facts.NurseAwaitingRecognition || facts.WorkerAgeAtSubmission < salary.ReducedBelowAge;
                decimal amount = (reduced ? salary.ReducedAmountCents : salary.AmountCents) / 100m;
                return new YearThreshold(
                    amount,
                    string.Create(CultureInfo.InvariantCulture, $"the {salary.ReferenceYear} {(reduced ? "reduced " : string.Empty)}highly skilled threshold of {Figures.Eur(amount)} (policy entry {salary.Id})"),
                    !reduced && facts.WorkerAgeAtSubmission is null ? salary.ReducedAmountCents / 100m : null,
                    salary.ReducedBelowAge);
            case PermitCategory.MediumSkilledShortage when terms.MediumSkilledSalary is { } level:
                return MediumSkilled(level);
            case PermitCategory.Other or PermitCategory.Seasonal when terms.OtherCategory is { SalaryAtMediumSkilledLevel: true } && terms.MediumSkilledSalary is { } level:
                return MediumSkilled(level);
            default:
                return null;
        }

        static YearThreshold MediumSkilled(MediumSkilledSalaryEntry level) => new(
            level.AmountCents / 100m,
            string.Create(CultureInfo.InvariantCulture, $"the {level.ReferenceYear} medium-skilled level of {Figures.Eur(level.AmountCents / 100m)} (policy entry {level.Id}{(level.Placeholder ? ", a placeholder" : string.Empty)})"),
            null,
            0);
    }

    /// <summary>A threshold in EUR a year with its words; <c>ReducedIfYounger</c>: the reduced one, when the worker's unknown age might make it apply.</summary>
    sealed record YearThreshold(decimal Amount, string Text, decimal? ReducedIfYounger, int ReducedBelowAge);
}
