using System.Globalization;
using Microsoft.DurableTask;
using Workflow.Orchestrations.Cases;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Policy;
using Workflow.Orchestrations.Ports;
using Workflow.Orchestrations.Rules;

namespace Workflow.Orchestrations.Activities;

/// <summary>
/// What the workflow learns of an assessment: rule ids and signal kinds, never the figures behind them.
/// <c>RulesListIncomplete</c>: rules whose list is known only in part for the date (null in summaries recorded before).
/// </summary>
public sealed record AssessmentSummary(
    IReadOnlyList<string> RulesNotMet,
    IReadOnlyList<string> RulesNeedingJudgement,
    IReadOnlyList<SignalKind> Signals,
    IReadOnlyList<string>? RulesListIncomplete = null);

/// <summary>The assessment as kept in the dossier and shown in the caseworker's overview, with the policy entries it applied.</summary>
public sealed record AssessmentRecord(
    DateOnly SubmissionDate,
    DateTimeOffset AssessedAt,
    IReadOnlyList<string> PolicyEntries,
    IReadOnlyList<RuleResult> Rules,
    IReadOnlyList<FraudSignal> Signals,
    EmployerFacts? Employer);

/// <summary>
/// The Flemish assessment's rules (§2.2, §2.3, §2.7: each outcome with its rule and section) and the fraud screening
/// (§2.1: scored, explained signals, never a verdict), on the policy in force on the submission date. The results go
/// to the dossier for the caseworker, who decides; the workflow keeps only the rule ids and signal kinds.
/// </summary>
public sealed class AssessApplicationActivity(IDossierStore dossiers, IApplicantHistory history, EligibilityCatalog catalog, ICaseFacts caseFacts, TimeProvider time)
    : TaskActivity<string, AssessmentSummary>
{
    public const string Record = "assessment.json";

    public override async Task<AssessmentSummary> RunAsync(TaskActivityContext context, string input)
    {
        ApplicationDossier dossier = await dossiers.GetApplicationAsync(input, CancellationToken.None)
            ?? throw new InvalidOperationException($"The dossier of application {input} is missing.");
        AuthenticSourceOverview? overview = await dossiers.GetRecordAsync<AuthenticSourceOverview>(input, GatherAuthenticSourcesActivity.OverviewRecord, CancellationToken.None);
        IReadOnlyList<StoredDocument> documents = await dossiers.ListDocumentsAsync(input, CancellationToken.None);

        DateOnly submissionDate = PolicyCatalog.BelgianDate(dossier.SubmittedAt);
        EligibilityFacts facts = Facts(dossier, submissionDate, documents);
        IReadOnlyList<RuleResult> rules = EligibilityRules.Evaluate(facts, catalog);
        if (dossier.Renews is string renews)
        {
            // A renewal runs its category's rules, and the wage check against the grant it renews (§2.1, §2.5).
            ApplicationDossier? previous = await dossiers.GetApplicationAsync(renews, CancellationToken.None);
            rules = [.. rules, RenewalWage.Evaluate(RenewalFacts(facts, renews, previous, overview), catalog)];
        }

        EmployerFacts? employer = null;
        IReadOnlyList<FraudSignal> signals = [];
        if (overview is not null && dossier.Employer is not null)
        {
            int applications = await history.CountApplicationsAsync(dossier.ApplicantKey, dossier.SubmittedAt.AddMonths(-12), CancellationToken.None);
            employer = EmployerFactsFrom(overview, applications);
            signals = FraudScreening.Evaluate(employer, catalog, submissionDate);
        }

        var record = new AssessmentRecord(submissionDate, time.GetUtcNow(), catalog.Resolve(submissionDate).EntryIds, rules, signals, employer);
        await dossiers.SaveRecordAsync(input, Record, record, CancellationToken.None);
        await caseFacts.RecordAssessmentAsync(input, Evaluated(dossier, catalog.Resolve(submissionDate).HighlySkilledSalary, signals), CancellationToken.None);
        return new AssessmentSummary(
            [.. rules.Where(r => r.Outcome == RuleOutcome.NotMet).Select(r => r.RuleId)],
            [.. rules.Where(r => r.Outcome == RuleOutcome.NeedsJudgement).Select(r => r.RuleId)],
            [.. signals.Select(s => s.Kind)],
            [.. rules.Where(r => r.Outcome == RuleOutcome.ListIncomplete).Select(r => r.RuleId)]);
    }

    /// <summary>What the evaluation (§2.10) keeps of an assessment: the salary's band against its year's highly skilled threshold, the signals' kinds.</summary>
    public static AssessmentFacts Evaluated(ApplicationDossier dossier, HighlySkilledSalaryEntry? threshold, IReadOnlyList<FraudSignal> signals)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        ArgumentNullException.ThrowIfNull(signals);
        bool banded = dossier.Category == PermitCategory.HighlySkilled && threshold is { AmountCents: > 0 };
        return new AssessmentFacts(
            banded ? SalaryBands.Of(dossier.Job.GrossAnnualSalary, threshold!.AmountCents / 100m) : null,
            banded ? threshold!.ReferenceYear : null,
            [.. signals.Select(s => Codes.Of(s.Kind)).Distinct(StringComparer.Ordinal)]);
    }

    /// <summary>What the rules of the category look at, from the dossier.</summary>
    public static EligibilityFacts Facts(ApplicationDossier dossier, DateOnly submissionDate, IReadOnlyList<StoredDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        ArgumentNullException.ThrowIfNull(documents);
        int? age = dossier.Worker.BirthDate is DateOnly born
            ? submissionDate.Year - born.Year - (submissionDate < born.AddYears(submissionDate.Year - born.Year) ? 1 : 0)
            : null;
        return new EligibilityFacts(
            dossier.Category,
            submissionDate,
            dossier.Job.VksLevel,
            dossier.Worker.QualificationVksLevel,
            age,
            dossier.Job.GrossAnnualSalary,
            dossier.Job.OccupationCode,
            dossier.Worker.NurseAwaitingRecognition && dossier.Job.CareFunction,
            dossier.LabourMarketTest?.Vacancies ?? [],
            documents.Select(d => d.Type).ToHashSet(StringComparer.Ordinal),
            dossier.Worker.IntegrationTestPassed);
    }

    /// <summary>What the wage check of a renewal looks at: the renewal's facts, the previous grant's wage from its dossier, the worker's wage from DMFA.</summary>
    public static RenewalWageFacts RenewalFacts(EligibilityFacts facts, string renewedApplicationId, ApplicationDossier? previous, AuthenticSourceOverview? overview)
    {
        ArgumentNullException.ThrowIfNull(facts);
        string? declared = overview?.Value(AuthenticSource.Dmfa, SourceFields.Worker, SourceFields.WorkerGrossWageLastQuarter);
        return new RenewalWageFacts(
            facts.Category,
            facts.SubmissionDate,
            facts.WorkerAgeAtSubmission,
            facts.NurseAwaitingRecognition,
            renewedApplicationId,
            previous?.Job.GrossAnnualSalary,
            decimal.TryParse(declared, NumberStyles.Number, CultureInfo.InvariantCulture, out decimal wage) ? wage : null);
    }

    /// <summary>What the fraud screening looks at, from the one-view and the platform's own count of applications.</summary>
    public static EmployerFacts EmployerFactsFrom(AuthenticSourceOverview overview, int applicationsLast12Months)
    {
        decimal Number(AuthenticSource source, string field) =>
            decimal.TryParse(overview.Value(source, SourceFields.Employer, field), NumberStyles.Number, CultureInfo.InvariantCulture, out decimal value) ? value : 0;
        decimal? Optional(string field) =>
            decimal.TryParse(overview.Value(AuthenticSource.Dmfa, SourceFields.Employer, field), NumberStyles.Number, CultureInfo.InvariantCulture, out decimal value) ? value : null;

        return new EmployerFacts(
            (int)Number(AuthenticSource.Dimona, SourceFields.Headcount),
            Number(AuthenticSource.Dimona, SourceFields.NonEuSharePercent),
            applicationsLast12Months,
            (int)Number(AuthenticSource.Dimona, SourceFields.AdmittedLast24Months),
            (int)Number(AuthenticSource.Dimona, SourceFields.AdmittedNeverInDimona),
            (int)Number(AuthenticSource.Dimona, SourceFields.AdmittedLeftWithin3Months),
            Optional(SourceFields.DeclaredMonthlyWageOfAdmitted),
            Optional(SourceFields.ContractMonthlyWageOfAdmitted));
    }
}
