using System.Globalization;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Policy;
using Workflow.Orchestrations.Rules;

namespace Workflow.UnitTests.Rules;

/// <summary>Sample eligibility facts for the rule tests; a test changes one thing with <c>with</c>.</summary>
internal static class RuleFacts
{
    public static readonly EligibilityCatalog Catalog = EligibilityCatalog.Embedded;

    public static DateOnly D(string date) => DateOnly.Parse(date, CultureInfo.InvariantCulture);

    /// <summary>An application that meets every condition it meets by default: VKS 6 function, master-level worker, 35 years, 60,000 EUR.</summary>
    public static EligibilityFacts For(PermitCategory category, string submissionDate) =>
        new(
            category,
            D(submissionDate),
            JobVksLevel: 6,
            WorkerQualificationVks: 7,
            WorkerAgeAtSubmission: 35,
            GrossAnnualSalary: 60_000m,
            OccupationCode: null,
            NurseAwaitingRecognition: false,
            Vacancies: [],
            DocumentTypes: Documents(),
            IntegrationTestPassed: null);

    public static IReadOnlySet<string> Documents(params string[] types) => new HashSet<string>(types, StringComparer.Ordinal);

    public static VacancyPublication Vdab(string from, string to) => new(VacancySite.Vdab, D(from), D(to));

    public static VacancyPublication Eures(string from, string to) => new(VacancySite.Eures, D(from), D(to));

    public static IReadOnlyList<RuleResult> Evaluate(EligibilityFacts facts) => EligibilityRules.Evaluate(facts, Catalog);

    public static RuleResult Rule(IReadOnlyList<RuleResult> results, string ruleId) => Assert.Single(results, r => r.RuleId == ruleId);

    public static RuleResult Rule(EligibilityFacts facts, string ruleId) => Rule(Evaluate(facts), ruleId);
}
