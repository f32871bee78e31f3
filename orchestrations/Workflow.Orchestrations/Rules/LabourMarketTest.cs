using System.Globalization;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Policy;

namespace Workflow.Orchestrations.Rules;

/// <summary>
/// The labour-market test of the category "other" (§2.3), counted to the day. The window is [submission date − N
/// calendar months, submission date): the submission date itself is excluded, and the first day is the submission date
/// minus N calendar months, clamped to the end of a shorter month (2026-06-30 → 2026-02-28). Per site, the distinct
/// days covered by its publications inside the window are counted (overlapping publications count once; a publication
/// reaching outside the window counts only for its days inside it). The test is a minimum, "insufficient on its own":
/// the search dossier and the caseworker's judgement decide.
/// </summary>
public static class LabourMarketTest
{
    /// <summary>The first day of the window: <paramref name="submissionDate"/> minus <paramref name="windowMonths"/> calendar months.</summary>
    public static DateOnly WindowStart(DateOnly submissionDate, int windowMonths) => submissionDate.AddMonths(-windowMonths);

    /// <summary>
    /// The number of distinct days in [<paramref name="windowStart"/>, <paramref name="windowEndExclusive"/>) covered by
    /// a publication on <paramref name="site"/>. Publications are inclusive of both dates; one that ends before it starts
    /// covers nothing.
    /// </summary>
    public static int DaysInWindow(
        IEnumerable<VacancyPublication> publications,
        VacancySite site,
        DateOnly windowStart,
        DateOnly windowEndExclusive)
    {
        ArgumentNullException.ThrowIfNull(publications);
        if (windowEndExclusive <= windowStart)
        {
            return 0;
        }

        int first = windowStart.DayNumber;
        int last = windowEndExclusive.DayNumber - 1;
        var clipped = publications
            .Where(p => p.Site == site)
            .Select(p => (From: Math.Max(p.From.DayNumber, first), To: Math.Min(p.To.DayNumber, last)))
            .Where(p => p.From <= p.To)
            .OrderBy(p => p.From)
            .ToList();

        int days = 0;
        int coveredUpTo = int.MinValue; // the last day already counted
        foreach ((int from, int to) in clipped)
        {
            int start = Math.Max(from, coveredUpTo + 1);
            if (start <= to)
            {
                days += to - start + 1;
                coveredUpTo = to;
            }
        }

        return days;
    }

    /// <summary>The labour-market test for <paramref name="facts"/> under the rule in force on its submission date.</summary>
    public static IReadOnlyList<RuleResult> Check(EligibilityFacts facts, EligibilityCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(catalog);
        return Check(
            facts.Vacancies,
            facts.SubmissionDate,
            facts.Category == PermitCategory.Seasonal,
            facts.DocumentTypes,
            catalog.Resolve(facts.SubmissionDate).LabourMarketTest);
    }

    /// <summary>
    /// The labour-market test under <paramref name="rule"/> (null: none encoded for the date): one result per site the
    /// rule requires (VDAB and EURES from 2024-05-01, VDAB only before) and one for the search dossier.
    /// </summary>
    public static IReadOnlyList<RuleResult> Check(
        IReadOnlyList<VacancyPublication> publications,
        DateOnly submissionDate,
        bool seasonal,
        IReadOnlySet<string> documentTypes,
        LabourMarketTestEntry? rule)
    {
        ArgumentNullException.ThrowIfNull(publications);
        ArgumentNullException.ThrowIfNull(documentTypes);

        var results = new List<RuleResult>();
        if (rule is null)
        {
            results.Add(new RuleResult(
                RuleIds.LabourMarketTestVdab,
                "§2.3",
                RuleOutcome.NeedsJudgement,
                $"No labour-market test rule is encoded for the submission date {Figures.Date(submissionDate)}: the caseworker checks the vacancy publications."));
        }
        else
        {
            DateOnly start = WindowStart(submissionDate, rule.WindowMonths);
            DateOnly lastDay = submissionDate.AddDays(-1);
            bool noteRule = rule.Basis == "§2.3";
            string section = noteRule ? "§2.3" : "addition";
            string basis = noteRule
                ? string.Create(CultureInfo.InvariantCulture, $"the concept note's minimum (§2.3; counting the days on each site inside the window is our interpretation; policy entry {rule.Id})")
                : string.Create(CultureInfo.InvariantCulture, $"the earlier rule, not in the concept note (policy entry {rule.Id}, in force from {Figures.Date(rule.ValidFrom)}; its window is a placeholder)");

            foreach (SiteRequirement requirement in rule.Sites)
            {
                int days = DaysInWindow(publications, requirement.Site, start, submissionDate);
                int minimum = requirement.MinimumFor(seasonal);
                bool met = days >= minimum;
                string siteName = SiteName(requirement.Site);
                string seasonalNote = seasonal && requirement.SeasonalMinDays is not null ? " for seasonal work" : string.Empty;
                string outcome = met
                    ? "met"
                    : string.Create(CultureInfo.InvariantCulture, $"not met, short by {Figures.Days(minimum - days)}");
                string none = days == 0 ? string.Create(CultureInfo.InvariantCulture, $" No publication on {siteName} falls inside the window.") : string.Empty;
                results.Add(new RuleResult(
                    requirement.Site == VacancySite.Vdab ? RuleIds.LabourMarketTestVdab : RuleIds.LabourMarketTestEures,
                    section,
                    met ? RuleOutcome.Met : RuleOutcome.NotMet,
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"{siteName}: {Figures.Days(days)} published inside the window {Figures.Date(start)} to {Figures.Date(lastDay)} (the {rule.WindowMonths} calendar months before the submission date {Figures.Date(submissionDate)}, that day excluded; overlapping publications counted once); the minimum{seasonalNote} is {Figures.Days(minimum)} under {basis}: {outcome}.{none}")));
            }
        }

        bool dossier = documentTypes.Contains(DocumentTypes.SearchDossier);
        results.Add(new RuleResult(
            RuleIds.LabourMarketTestSearchDossier,
            "§2.3",
            dossier ? RuleOutcome.Met : RuleOutcome.NotMet,
            dossier
                ? "The employer's search dossier (document type 'search-dossier') is in the file: the caseworker reads the search efforts, why candidates were unsuitable and why workplace learning was impossible (§2.3)."
                : "The employer's search dossier (document type 'search-dossier') is missing: §2.3 asks the employer to show the search efforts, why candidates were unsuitable and why workplace learning was impossible; the publication minimum is insufficient on its own."));
        return results;
    }

    static string SiteName(VacancySite site) => site switch
    {
        VacancySite.Vdab => "VDAB",
        VacancySite.Eures => "EURES",
        _ => site.ToString(),
    };
}
