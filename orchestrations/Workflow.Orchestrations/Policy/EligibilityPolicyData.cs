using Workflow.Orchestrations.Rules;

namespace Workflow.Orchestrations.Policy;

/// <summary>
/// The shape of Policy/Data/eligibility-policy.json: the dated data the eligibility rules (§2.2, §2.3, §2.7) and the
/// fraud screening (§2.1) read. Each list is dated: the entry with the latest <c>validFrom</c> on or before the Belgian
/// submission date applies. Every entry says where it comes from ("placeholder" when no public source fixes it).
/// Amounts are in euro cents, like the fee in permit-policy.json.
/// </summary>
public sealed record EligibilityPolicyData(
    IReadOnlyList<HighlySkilledSalaryEntry> HighlySkilledSalaries,
    IReadOnlyList<MediumSkilledSalaryEntry> MediumSkilledSalaries,
    IReadOnlyList<HighlySkilledFunctionLevelEntry> HighlySkilledFunctionLevels,
    IReadOnlyList<MediumSkilledLevelEntry> MediumSkilledLevels,
    IReadOnlyList<OtherCategoryEntry> OtherCategory,
    IReadOnlyList<LabourMarketTestEntry> LabourMarketTests,
    IReadOnlyList<OccupationEntry> Occupations,
    IReadOnlyList<MigrationListEntry> MigrationLists,
    IReadOnlyList<MinisterIntegrationTestEntry> MinisterIntegrationTest,
    IReadOnlyList<FraudScreeningEntry> FraudScreening);

/// <summary>
/// Highly skilled salary thresholds for one year: a percentage of the Belgian average gross annual wage (Statbel); the
/// reduced amount applies to workers under 30 and to nurses.
/// </summary>
public sealed record HighlySkilledSalaryEntry(
    string Id,
    DateOnly ValidFrom,
    int ReferenceYear,
    long AmountCents,
    int PercentOfAverageWage,
    long ReducedAmountCents,
    int ReducedPercentOfAverageWage,
    int ReducedBelowAge,
    string Source) : DatedEntry(Id, ValidFrom, Source);

/// <summary>
/// The medium-skilled salary level for one year (§2.3). <c>Placeholder</c> is true while the amount stands in for the
/// joint committee's "skilled" scale, which the caseworker checks.
/// </summary>
public sealed record MediumSkilledSalaryEntry(
    string Id,
    DateOnly ValidFrom,
    int ReferenceYear,
    long AmountCents,
    bool Placeholder,
    string Source) : DatedEntry(Id, ValidFrom, Source);

/// <summary>
/// The function level the highly skilled category requires (§2.2): the function must be at higher-education level, read
/// as at least <c>MinJobVks</c>. <c>Basis</c> says whether the level is the note's rule or an interpretation.
/// </summary>
public sealed record HighlySkilledFunctionLevelEntry(
    string Id,
    DateOnly ValidFrom,
    int MinJobVks,
    string Basis,
    string Source) : DatedEntry(Id, ValidFrom, Source);

/// <summary>What counts as a medium-skilled function: VKS <c>MinJobVks</c> to <c>MaxJobVks</c>, both inclusive.</summary>
public sealed record MediumSkilledLevelEntry(
    string Id,
    DateOnly ValidFrom,
    int MinJobVks,
    int MaxJobVks,
    string Source) : DatedEntry(Id, ValidFrom, Source);

/// <summary>
/// The conditions of the category "other" (§2.3): functions at or below <c>ExcludedMaxJobVks</c> are excluded (null:
/// no exclusion), except seasonal work when <c>SeasonalExempt</c>; whether the medium-skilled salary level applies.
/// </summary>
public sealed record OtherCategoryEntry(
    string Id,
    DateOnly ValidFrom,
    int? ExcludedMaxJobVks,
    bool SeasonalExempt,
    bool SalaryAtMediumSkilledLevel,
    string Source) : DatedEntry(Id, ValidFrom, Source);

/// <summary>
/// The labour-market test (§2.3): the window is [submission date − <c>WindowMonths</c> calendar months, submission
/// date), the submission date excluded; each listed site needs at least its minimum of distinct days inside it.
/// <c>Basis</c> is "§2.3" for the concept note's rule, "addition" for an earlier rule the note does not contain.
/// </summary>
public sealed record LabourMarketTestEntry(
    string Id,
    DateOnly ValidFrom,
    string Basis,
    int WindowMonths,
    IReadOnlyList<SiteRequirement> Sites,
    string Source) : DatedEntry(Id, ValidFrom, Source);

/// <summary>The minimum number of days on one site; <c>SeasonalMinDays</c> when seasonal work has its own (null: the same).</summary>
public sealed record SiteRequirement(VacancySite Site, int MinDays, int? SeasonalMinDays)
{
    /// <summary>The minimum for an application, seasonal or not.</summary>
    public int MinimumFor(bool seasonal) => seasonal ? this.SeasonalMinDays ?? this.MinDays : this.MinDays;
}

/// <summary>
/// An occupation on (some version of) the medium-skilled migration list. The lists name occupations in words; the code is
/// ours (stable kebab-case), the names are the list's Dutch wording and an English rendering.
/// </summary>
public sealed record OccupationEntry(string Code, string NameNl, string NameEn);

/// <summary>
/// One version of the medium-skilled migration list (§2.3). <c>Complete</c> is false when only part of the published
/// list is known: then an occupation not encoded is not "absent" unless it is in <c>KnownAbsent</c> (a removal the
/// sources report). <c>PublishedCount</c> is the number of entries the published list has (entries may group several
/// occupations, so it need not equal the number of codes).
/// </summary>
public sealed record MigrationListEntry(
    string Id,
    DateOnly ValidFrom,
    int PublishedCount,
    bool Complete,
    IReadOnlyList<string> Occupations,
    IReadOnlyList<string> KnownAbsent,
    string Source) : DatedEntry(Id, ValidFrom, Source);

/// <summary>
/// The integration and language test requirement for ministers of religion (§2.7). <c>ValidFrom</c> is null while the
/// date is unknown: not in force.
/// </summary>
public sealed record MinisterIntegrationTestEntry(string Id, DateOnly? ValidFrom, string Source);

/// <summary>
/// The fraud-screening thresholds (§2.1). All placeholders: the note names the patterns, not the figures.
/// </summary>
/// <param name="Id">Entry id.</param>
/// <param name="ValidFrom">First Belgian date the thresholds apply.</param>
/// <param name="NonEuSharePercent">Non-EU share of the workforce (percent) from which the "almost exclusively non-EU" signal rises.</param>
/// <param name="ApplicationsPerHeadcount">Applications in 12 months per worker on the payroll from which the economic-hub signal rises.</param>
/// <param name="MinApplicationsForRatio">The fewest applications in 12 months for which that ratio is scored at all (a first hire by a small employer is no pattern).</param>
/// <param name="NotRetainedSharePercent">Share (percent) of workers admitted in 24 months never seen in Dimona or gone within three months from which the economic-hub signal rises.</param>
/// <param name="MinAdmittedForShare">The fewest admitted workers for which that share is scored at all (small numbers say little).</param>
/// <param name="WageRatio">Ratio of the wage DMFA shows to the contract wage at or below which wages count as not paid as declared.</param>
/// <param name="Source">Where the figures come from.</param>
public sealed record FraudScreeningEntry(
    string Id,
    DateOnly ValidFrom,
    decimal NonEuSharePercent,
    decimal ApplicationsPerHeadcount,
    int MinApplicationsForRatio,
    decimal NotRetainedSharePercent,
    int MinAdmittedForShare,
    decimal WageRatio,
    string Source) : DatedEntry(Id, ValidFrom, Source);
