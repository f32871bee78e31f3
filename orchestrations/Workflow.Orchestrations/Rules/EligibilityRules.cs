using System.Globalization;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Policy;

namespace Workflow.Orchestrations.Rules;

/// <summary>
/// The category conditions (concept note §2.2, §2.3, §2.7; docs/policy.md), evaluated against the eligibility data in force
/// on the Belgian submission date. Every result is explained with its figures; none is a decision: the caseworker decides,
/// and only a caseworker's refusal cites the ground "category-conditions-not-met".
/// </summary>
public static class EligibilityRules
{
    /// <summary>The rules of the category of <paramref name="facts"/>, in a fixed order, with stable ids (<see cref="RuleIds"/>).</summary>
    public static IReadOnlyList<RuleResult> Evaluate(EligibilityFacts facts, EligibilityCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(catalog);

        EligibilityTerms terms = catalog.Resolve(facts.SubmissionDate);
        return facts.Category switch
        {
            PermitCategory.HighlySkilled => HighlySkilled(facts, terms),
            PermitCategory.MediumSkilledShortage => MediumSkilled(facts, terms, catalog),
            PermitCategory.Other or PermitCategory.Seasonal => Other(facts, terms),
            PermitCategory.MinisterOfReligion => Minister(facts, terms),
            PermitCategory.WorkCard =>
            [
                new RuleResult(
                    RuleIds.WorkCardCategoryConditions,
                    "§2.5",
                    RuleOutcome.NotApplicable,
                    "The concept note sets no category conditions for the work card up to 90 days (§2.5 only exempts it from the fee); the caseworker assesses it under the existing rules."),
            ],
            PermitCategory.ProfessionalCard =>
            [
                new RuleResult(
                    RuleIds.ProfessionalCardCategoryConditions,
                    "§2.5",
                    RuleOutcome.NotApplicable,
                    "The concept note sets no category conditions for the professional card (§2.5 only sets its fee equal to the single permit's); the caseworker assesses it under the existing rules."),
            ],
            _ => throw new ArgumentOutOfRangeException(nameof(facts), facts.Category, "Unknown permit category."),
        };
    }

    // ---- Highly skilled (§2.2) ----

    static List<RuleResult> HighlySkilled(EligibilityFacts facts, EligibilityTerms terms) =>
    [
        HighlySkilledFunctionLevel(facts, terms.HighlySkilledFunctionLevel),
        HighlySkilledNotLowerLevel(facts, terms.HighlySkilledFunctionLevel),
        HighlySkilledSalary(facts, terms.HighlySkilledSalary),
    ];

    static RuleResult HighlySkilledFunctionLevel(EligibilityFacts facts, HighlySkilledFunctionLevelEntry? level)
    {
        if (level is null)
        {
            return new RuleResult(
                RuleIds.HighlySkilledFunctionLevel,
                "§2.2",
                RuleOutcome.NeedsJudgement,
                $"No function-level rule is encoded for the submission date {Figures.Date(facts.SubmissionDate)}: the caseworker checks that the function is at higher-education level.");
        }

        string section = level.Basis == "interpretation" ? "interpretation" : "§2.2";
        string reading = level.Basis == "interpretation"
            ? string.Create(CultureInfo.InvariantCulture, $"'higher-education level' read as VKS {level.MinJobVks} or higher (interpretation before 2026; policy entry {level.Id})")
            : string.Create(CultureInfo.InvariantCulture, $"at least VKS {level.MinJobVks} from {Figures.Date(level.ValidFrom)} (§2.2; policy entry {level.Id})");

        if (facts.JobVksLevel >= level.MinJobVks)
        {
            return new RuleResult(
                RuleIds.HighlySkilledFunctionLevel,
                section,
                RuleOutcome.Met,
                string.Create(CultureInfo.InvariantCulture, $"The function is at VKS {facts.JobVksLevel}, at higher-education level: {reading}."));
        }

        if (facts.NurseAwaitingRecognition)
        {
            return new RuleResult(
                RuleIds.HighlySkilledFunctionLevel,
                "§2.2",
                RuleOutcome.Met,
                string.Create(CultureInfo.InvariantCulture, $"Met by the nurse exception (§2.2): the function is at VKS {facts.JobVksLevel}, below the required VKS {level.MinJobVks}, but a nurse awaiting recognition of a foreign diploma who works in another care function may use the highly skilled category. The caseworker checks the pending recognition and that the function is in care."));
        }

        return new RuleResult(
            RuleIds.HighlySkilledFunctionLevel,
            section,
            RuleOutcome.NotMet,
            string.Create(CultureInfo.InvariantCulture, $"The function is at VKS {facts.JobVksLevel}, below VKS {level.MinJobVks}: not at higher-education level ({reading})."));
    }

    static RuleResult HighlySkilledNotLowerLevel(EligibilityFacts facts, HighlySkilledFunctionLevelEntry? level)
    {
        int minimum = level?.MinJobVks ?? 5;
        if (facts.JobVksLevel >= minimum)
        {
            return new RuleResult(
                RuleIds.HighlySkilledNotLowerLevelFunction,
                "§2.2",
                RuleOutcome.Met,
                string.Create(CultureInfo.InvariantCulture, $"The function is at VKS {facts.JobVksLevel} (VKS {minimum} or higher): not a lower-level function."));
        }

        if (facts.NurseAwaitingRecognition)
        {
            return new RuleResult(
                RuleIds.HighlySkilledNotLowerLevelFunction,
                "§2.2",
                RuleOutcome.Met,
                string.Create(CultureInfo.InvariantCulture, $"Met by the nurse exception (§2.2): the function is at VKS {facts.JobVksLevel}, a lower level, but a nurse awaiting recognition of a foreign diploma may work in another care function under this category."));
        }

        return facts.WorkerQualificationVks switch
        {
            int qualification when qualification >= minimum => new RuleResult(
                RuleIds.HighlySkilledNotLowerLevelFunction,
                "§2.2",
                RuleOutcome.NotMet,
                string.Create(CultureInfo.InvariantCulture, $"A highly skilled worker (qualification VKS {qualification}) in a lower-level function (VKS {facts.JobVksLevel}, below VKS {minimum}) cannot use the highly skilled category (§2.2); another category (e.g. a medium-skilled shortage occupation) may fit.")),
            int qualification => new RuleResult(
                RuleIds.HighlySkilledNotLowerLevelFunction,
                "§2.2",
                RuleOutcome.NotApplicable,
                string.Create(CultureInfo.InvariantCulture, $"The worker's qualification (VKS {qualification}) is below VKS {minimum}: the rule on highly skilled workers in lower-level functions does not apply (see {RuleIds.HighlySkilledFunctionLevel}).")),
            null => new RuleResult(
                RuleIds.HighlySkilledNotLowerLevelFunction,
                "§2.2",
                RuleOutcome.NeedsJudgement,
                string.Create(CultureInfo.InvariantCulture, $"The function is at VKS {facts.JobVksLevel}, below VKS {minimum}, and the worker's qualification level is not known: the caseworker checks whether a highly skilled worker is applying for a lower-level function.")),
        };
    }

    static RuleResult HighlySkilledSalary(EligibilityFacts facts, HighlySkilledSalaryEntry? salary)
    {
        const string Section = "addition";
        if (salary is null)
        {
            return new RuleResult(
                RuleIds.HighlySkilledSalary,
                Section,
                RuleOutcome.NeedsJudgement,
                $"No highly skilled salary threshold is encoded for the submission date {Figures.Date(facts.SubmissionDate)}: the caseworker checks the salary.");
        }

        decimal full = salary.AmountCents / 100m;
        decimal reduced = salary.ReducedAmountCents / 100m;
        string fullText = string.Create(CultureInfo.InvariantCulture, $"the {salary.ReferenceYear} threshold of {Figures.Eur(full)} ({salary.PercentOfAverageWage}% of the average gross annual wage, Statbel)");
        string reducedText = string.Create(CultureInfo.InvariantCulture, $"the {salary.ReferenceYear} reduced threshold of {Figures.Eur(reduced)} ({salary.ReducedPercentOfAverageWage}% of the average gross annual wage, Statbel)");
        string salaryText = "Salary " + Figures.Eur(facts.GrossAnnualSalary);

        string? reducedReason = facts.NurseAwaitingRecognition
            ? "it applies to nurses"
            : facts.WorkerAgeAtSubmission is int age && age < salary.ReducedBelowAge
                ? string.Create(CultureInfo.InvariantCulture, $"it applies to workers under {salary.ReducedBelowAge}, and the worker is under {salary.ReducedBelowAge} on the submission date")
                : null;

        if (reducedReason is not null)
        {
            return Compare(facts.GrossAnnualSalary, reduced, salaryText, reducedText, $"; {reducedReason}.");
        }

        if (facts.WorkerAgeAtSubmission is null && facts.GrossAnnualSalary < full && facts.GrossAnnualSalary >= reduced)
        {
            return new RuleResult(
                RuleIds.HighlySkilledSalary,
                Section,
                RuleOutcome.NeedsJudgement,
                string.Create(CultureInfo.InvariantCulture, $"{salaryText} is below {fullText} but at or above {reducedText}, which applies to workers under {salary.ReducedBelowAge}; the worker's age is not known: the caseworker checks it."));
        }

        string ageNote = facts.WorkerAgeAtSubmission is null
            ? string.Empty
            : string.Create(CultureInfo.InvariantCulture, $"; the worker is {salary.ReducedBelowAge} or older, so the reduced threshold does not apply.");
        return Compare(facts.GrossAnnualSalary, full, salaryText, fullText, ageNote.Length == 0 ? "." : ageNote);

        static RuleResult Compare(decimal amount, decimal threshold, string salaryText, string thresholdText, string tail) =>
            amount >= threshold
                ? new RuleResult(RuleIds.HighlySkilledSalary, Section, RuleOutcome.Met, $"{salaryText} is at or above {thresholdText}{tail}")
                : new RuleResult(RuleIds.HighlySkilledSalary, Section, RuleOutcome.NotMet, $"{salaryText} is below {thresholdText}, short by {Figures.Eur(threshold - amount)}{tail}");
    }

    // ---- Medium-skilled shortage occupation (§2.3) ----

    static List<RuleResult> MediumSkilled(EligibilityFacts facts, EligibilityTerms terms, EligibilityCatalog catalog) =>
    [
        OnMigrationList(facts, terms.MigrationList, catalog),
        MediumSkilledSalaryRule(RuleIds.MediumSkilledSalary, facts, terms.MediumSkilledSalary),
        MediumSkilledFunctionLevel(facts, terms.MediumSkilledLevel),
    ];

    static RuleResult OnMigrationList(EligibilityFacts facts, MigrationListEntry? list, EligibilityCatalog catalog)
    {
        const string Section = "§2.3";
        if (list is null)
        {
            return new RuleResult(
                RuleIds.MediumSkilledOnMigrationList,
                Section,
                RuleOutcome.NeedsJudgement,
                $"No medium-skilled migration list is encoded for the submission date {Figures.Date(facts.SubmissionDate)}: the caseworker checks the occupation.");
        }

        string version = string.Create(
            CultureInfo.InvariantCulture,
            $"the medium-skilled migration list version '{list.Id}' (in force from {Figures.Date(list.ValidFrom)}, {list.PublishedCount} published entries), the version valid on the submission date {Figures.Date(facts.SubmissionDate)}");

        if (string.IsNullOrWhiteSpace(facts.OccupationCode))
        {
            return new RuleResult(
                RuleIds.MediumSkilledOnMigrationList,
                Section,
                RuleOutcome.NeedsJudgement,
                $"No occupation code is given: the caseworker checks the occupation against {version}.");
        }

        string code = facts.OccupationCode;
        OccupationEntry? occupation = catalog.Occupation(code);
        string named = occupation is null
            ? $"'{code}' (not an occupation of any encoded list version)"
            : $"'{code}' ({occupation.NameEn}; {occupation.NameNl})";

        if (list.Occupations.Contains(code, StringComparer.Ordinal))
        {
            return new RuleResult(RuleIds.MediumSkilledOnMigrationList, Section, RuleOutcome.Met, $"Occupation {named} is on {version}.");
        }

        if (list.KnownAbsent.Contains(code, StringComparer.Ordinal))
        {
            return new RuleResult(
                RuleIds.MediumSkilledOnMigrationList,
                Section,
                RuleOutcome.NotMet,
                $"Occupation {named} is not on {version}: it was removed from the list. The category 'other' (with the labour-market test) may fit.");
        }

        if (list.Complete)
        {
            return new RuleResult(
                RuleIds.MediumSkilledOnMigrationList,
                Section,
                RuleOutcome.NotMet,
                $"Occupation {named} is not on {version}. The category 'other' (with the labour-market test) may fit.");
        }

        return new RuleResult(
            RuleIds.MediumSkilledOnMigrationList,
            Section,
            RuleOutcome.ListIncomplete,
            string.Create(
                CultureInfo.InvariantCulture,
                $"List incomplete for this date: occupation {named} is neither on nor known removed from {version}, which is known only in part (the published list has {list.PublishedCount} occupations; {list.Occupations.Count} are encoded, {list.KnownAbsent.Count} removals known): the caseworker checks the published list."));
    }

    static RuleResult MediumSkilledFunctionLevel(EligibilityFacts facts, MediumSkilledLevelEntry? level)
    {
        const string Section = "§2.3";
        if (level is null)
        {
            return new RuleResult(
                RuleIds.MediumSkilledFunctionLevel,
                Section,
                RuleOutcome.NeedsJudgement,
                $"No medium-skilled level is encoded for the submission date {Figures.Date(facts.SubmissionDate)}: the caseworker checks the function level.");
        }

        bool within = facts.JobVksLevel >= level.MinJobVks && facts.JobVksLevel <= level.MaxJobVks;
        return new RuleResult(
            RuleIds.MediumSkilledFunctionLevel,
            Section,
            within ? RuleOutcome.Met : RuleOutcome.NotMet,
            within
                ? string.Create(CultureInfo.InvariantCulture, $"The function is at VKS {facts.JobVksLevel}, a medium-skilled level (VKS {level.MinJobVks} to {level.MaxJobVks}).")
                : string.Create(CultureInfo.InvariantCulture, $"The function is at VKS {facts.JobVksLevel}, outside the medium-skilled levels VKS {level.MinJobVks} to {level.MaxJobVks}{(facts.JobVksLevel > level.MaxJobVks ? ": the highly skilled category may fit" : string.Empty)}."));
    }

    static RuleResult MediumSkilledSalaryRule(string ruleId, EligibilityFacts facts, MediumSkilledSalaryEntry? salary)
    {
        const string Section = "§2.3";
        if (salary is null)
        {
            return new RuleResult(
                ruleId,
                Section,
                RuleOutcome.NeedsJudgement,
                $"No medium-skilled salary level is encoded for the submission date {Figures.Date(facts.SubmissionDate)}: the caseworker checks the salary against the joint committee's scale.");
        }

        decimal threshold = salary.AmountCents / 100m;
        string placeholder = salary.Placeholder
            ? " That amount is a placeholder standing in for the joint committee's 'skilled' scale (at least 80% of full time): the caseworker checks the scale."
            : string.Empty;
        string thresholdText = string.Create(CultureInfo.InvariantCulture, $"the {salary.ReferenceYear} medium-skilled level of {Figures.Eur(threshold)} (policy entry {salary.Id})");
        string salaryText = "Salary " + Figures.Eur(facts.GrossAnnualSalary);
        return facts.GrossAnnualSalary >= threshold
            ? new RuleResult(ruleId, Section, RuleOutcome.Met, $"{salaryText} is at or above {thresholdText}.{placeholder}")
            : new RuleResult(ruleId, Section, RuleOutcome.NotMet, $"{salaryText} is below {thresholdText}, short by {Figures.Eur(threshold - facts.GrossAnnualSalary)}.{placeholder}");
    }

    // ---- Other and seasonal (§2.3) ----

    static List<RuleResult> Other(EligibilityFacts facts, EligibilityTerms terms)
    {
        bool seasonal = facts.Category == PermitCategory.Seasonal;
        var results = new List<RuleResult>
        {
            NotLowSkilled(facts, terms.OtherCategory, seasonal),
            OtherSalary(facts, terms),
        };
        results.AddRange(LabourMarketTest.Check(facts.Vacancies, facts.SubmissionDate, seasonal, facts.DocumentTypes, terms.LabourMarketTest));
        results.Add(new RuleResult(
            RuleIds.LabourMarketTestLocalWorkerJudgement,
            "§2.3",
            RuleOutcome.NeedsJudgement,
            "Whether a worker can be found on the local labour market within a reasonable time is the department's judgement (§2.3): the publication minimum is insufficient on its own; the caseworker weighs the search dossier and the employer's efforts, including openness to workplace learning."));
        return results;
    }

    static RuleResult NotLowSkilled(EligibilityFacts facts, OtherCategoryEntry? other, bool seasonal)
    {
        const string Section = "§2.3";
        if (other?.ExcludedMaxJobVks is not int excluded)
        {
            return new RuleResult(
                RuleIds.OtherNotLowSkilled,
                Section,
                RuleOutcome.NotApplicable,
                string.Create(CultureInfo.InvariantCulture, $"The exclusion of low-skilled (VKS 2) functions is not in force on the submission date {Figures.Date(facts.SubmissionDate)} (policy entry {other?.Id ?? "none"})."));
        }

        string entry = string.Create(CultureInfo.InvariantCulture, $"in force from {Figures.Date(other.ValidFrom)}, a placeholder date; policy entry {other.Id}");
        if (facts.JobVksLevel > excluded)
        {
            return new RuleResult(
                RuleIds.OtherNotLowSkilled,
                Section,
                RuleOutcome.Met,
                string.Create(CultureInfo.InvariantCulture, $"The function is declared at VKS {facts.JobVksLevel}, above the excluded low-skilled levels (VKS {excluded} or below; {entry}). A declared low-skilled level makes the file inadmissible on receipt; the caseworker verifies that the declared level matches the job."));
        }

        if (seasonal && other.SeasonalExempt)
        {
            return new RuleResult(
                RuleIds.OtherNotLowSkilled,
                Section,
                RuleOutcome.Met,
                string.Create(CultureInfo.InvariantCulture, $"The function is at VKS {facts.JobVksLevel}, a low-skilled level, but seasonal work stays an exception to the exclusion (§2.3; {entry})."));
        }

        return new RuleResult(
            RuleIds.OtherNotLowSkilled,
            Section,
            RuleOutcome.NotMet,
            string.Create(CultureInfo.InvariantCulture, $"The function is at VKS {facts.JobVksLevel}: low-skilled functions (VKS {excluded} or below, interpretation of 'kortgeschoolde functies (VKS 2)') are excluded from the category 'other', seasonal work excepted (§2.3; {entry}). A file declaring such a level is inadmissible on receipt; this applies when a correction lowered the level afterwards."));
    }

    static RuleResult OtherSalary(EligibilityFacts facts, EligibilityTerms terms)
    {
        if (terms.OtherCategory is not { SalaryAtMediumSkilledLevel: true })
        {
            return new RuleResult(
                RuleIds.OtherSalary,
                "§2.3",
                RuleOutcome.NotApplicable,
                $"The medium-skilled salary level for the category 'other' is not in force on the submission date {Figures.Date(facts.SubmissionDate)} (policy entry {terms.OtherCategory?.Id ?? "none"}).");
        }

        return MediumSkilledSalaryRule(RuleIds.OtherSalary, facts, terms.MediumSkilledSalary);
    }

    // ---- Minister of a recognised religion (§2.7) ----

    static List<RuleResult> Minister(EligibilityFacts facts, EligibilityTerms terms)
    {
        bool proof = facts.DocumentTypes.Contains(DocumentTypes.MinisterShortageProof);
        var shortage = new RuleResult(
            RuleIds.MinisterShortageProof,
            "§2.7",
            proof ? RuleOutcome.Met : RuleOutcome.NotMet,
            proof
                ? "Proof of a shortage of ministers (document type 'minister-shortage-proof') is in the file (§2.7); the department may ask the Information and Screening Service for advice."
                : "Proof of a shortage of ministers (document type 'minister-shortage-proof') is missing: §2.7 asks the application to show the shortage.");

        RuleResult integration = terms.MinisterIntegrationTest switch
        {
            null => new RuleResult(
                RuleIds.MinisterIntegrationTest,
                "§2.7",
                RuleOutcome.NotApplicable,
                $"The integration and language test requirement is not in force on the submission date {Figures.Date(facts.SubmissionDate)}: §2.7 ties it to the implementation of the federal coalition agreement, date not yet known."),
            MinisterIntegrationTestEntry entry => facts.IntegrationTestPassed switch
            {
                true => new RuleResult(
                    RuleIds.MinisterIntegrationTest,
                    "§2.7",
                    RuleOutcome.Met,
                    $"Proof of a passed integration and language test is given (in force from {Figures.Date(entry.ValidFrom!.Value)}, policy entry {entry.Id})."),
                false => new RuleResult(
                    RuleIds.MinisterIntegrationTest,
                    "§2.7",
                    RuleOutcome.NotMet,
                    $"The integration and language test was not passed (required from {Figures.Date(entry.ValidFrom!.Value)}, policy entry {entry.Id})."),
                null => new RuleResult(
                    RuleIds.MinisterIntegrationTest,
                    "§2.7",
                    RuleOutcome.NotMet,
                    $"No proof of a passed integration and language test is given (required from {Figures.Date(entry.ValidFrom!.Value)}, policy entry {entry.Id})."),
            },
        };

        return [shortage, integration];
    }
}
