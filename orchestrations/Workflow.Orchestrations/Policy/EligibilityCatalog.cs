using System.Text.Json;
using Workflow.Orchestrations.Serialization;

namespace Workflow.Orchestrations.Policy;

/// <summary>
/// The dated eligibility data (Policy/Data/eligibility-policy.json) and how the entries in force are chosen from it: for
/// each list, the entry with the latest <c>validFrom</c> on or before the Belgian submission date (use
/// <see cref="PolicyCatalog.BelgianDate"/> to get that date from an instant).
/// </summary>
public sealed class EligibilityCatalog
{
    readonly EligibilityPolicyData data;
    readonly Dictionary<string, OccupationEntry> occupations;

    /// <summary>Builds a catalog over <paramref name="data"/>; checks that every occupation a list names is defined.</summary>
    /// <exception cref="InvalidOperationException">An occupation code is defined twice or a list names an undefined one.</exception>
    public EligibilityCatalog(EligibilityPolicyData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        this.data = data;
        this.occupations = new Dictionary<string, OccupationEntry>(StringComparer.Ordinal);
        foreach (OccupationEntry occupation in data.Occupations)
        {
            if (!this.occupations.TryAdd(occupation.Code, occupation))
            {
                throw new InvalidOperationException($"Occupation code '{occupation.Code}' is defined twice in the eligibility data.");
            }
        }

        foreach (MigrationListEntry list in data.MigrationLists)
        {
            foreach (string code in list.Occupations.Concat(list.KnownAbsent))
            {
                if (!this.occupations.ContainsKey(code))
                {
                    throw new InvalidOperationException($"Migration list '{list.Id}' names occupation '{code}', which is not defined.");
                }
            }
        }
    }

    /// <summary>The eligibility data shipped with the code.</summary>
    public static EligibilityCatalog Embedded { get; } = new(LoadEmbedded());

    /// <summary>The data this catalog reads.</summary>
    public EligibilityPolicyData Data => this.data;

    /// <summary>The occupation with <paramref name="code"/>, or null when the data does not define it.</summary>
    public OccupationEntry? Occupation(string code) =>
        this.occupations.TryGetValue(code, out OccupationEntry? occupation) ? occupation : null;

    /// <summary>Every entry in force on the Belgian date <paramref name="date"/> (null where a list has none yet).</summary>
    public EligibilityTerms Resolve(DateOnly date)
    {
        HighlySkilledSalaryEntry? highlySkilledSalary = Latest(this.data.HighlySkilledSalaries, date);
        MediumSkilledSalaryEntry? mediumSkilledSalary = Latest(this.data.MediumSkilledSalaries, date);
        HighlySkilledFunctionLevelEntry? functionLevel = Latest(this.data.HighlySkilledFunctionLevels, date);
        MediumSkilledLevelEntry? mediumLevel = Latest(this.data.MediumSkilledLevels, date);
        OtherCategoryEntry? other = Latest(this.data.OtherCategory, date);
        LabourMarketTestEntry? labourMarketTest = Latest(this.data.LabourMarketTests, date);
        MigrationListEntry? migrationList = Latest(this.data.MigrationLists, date);
        MinisterIntegrationTestEntry? integrationTest = this.data.MinisterIntegrationTest
            .Where(e => e.ValidFrom is DateOnly from && from <= date)
            .MaxBy(e => e.ValidFrom);
        FraudScreeningEntry? fraud = Latest(this.data.FraudScreening, date);

        string?[] ids =
        [
            highlySkilledSalary?.Id, mediumSkilledSalary?.Id, functionLevel?.Id, mediumLevel?.Id, other?.Id,
            labourMarketTest?.Id, migrationList?.Id, integrationTest?.Id, fraud?.Id,
        ];

        return new EligibilityTerms(
            date,
            [.. ids.OfType<string>()],
            highlySkilledSalary,
            mediumSkilledSalary,
            functionLevel,
            mediumLevel,
            other,
            labourMarketTest,
            migrationList,
            integrationTest,
            fraud);
    }

    /// <summary>
    /// Whether the concept note excludes the function outright on <paramref name="date"/> (§2.3): the category "other" at
    /// a low-skilled level (VKS at or below the entry's maximum). Seasonal work is its own category, so never excluded.
    /// </summary>
    public bool ExcludesFunction(Domain.PermitCategory category, int jobVksLevel, DateOnly date) =>
        category == Domain.PermitCategory.Other
        && Latest(this.data.OtherCategory, date) is { ExcludedMaxJobVks: int excluded }
        && jobVksLevel <= excluded;

    static T? Latest<T>(IEnumerable<T> entries, DateOnly date)
        where T : DatedEntry =>
        entries.Where(e => e.ValidFrom <= date).MaxBy(e => e.ValidFrom);

    static EligibilityPolicyData LoadEmbedded()
    {
        using Stream stream = typeof(EligibilityCatalog).Assembly.GetManifestResourceStream("policy/eligibility-policy.json")
            ?? throw new InvalidOperationException("The embedded eligibility data is missing.");
        return JsonSerializer.Deserialize<EligibilityPolicyData>(stream, WorkflowJson.Options)
            ?? throw new InvalidOperationException("The embedded eligibility data is empty.");
    }
}

/// <summary>
/// The eligibility entries in force on one Belgian date. A null entry means the list has none in force on that date (for
/// the ministers' integration test: not in force). <c>EntryIds</c> lists the ids used, to stamp into a dossier.
/// </summary>
public sealed record EligibilityTerms(
    DateOnly Date,
    IReadOnlyList<string> EntryIds,
    HighlySkilledSalaryEntry? HighlySkilledSalary,
    MediumSkilledSalaryEntry? MediumSkilledSalary,
    HighlySkilledFunctionLevelEntry? HighlySkilledFunctionLevel,
    MediumSkilledLevelEntry? MediumSkilledLevel,
    OtherCategoryEntry? OtherCategory,
    LabourMarketTestEntry? LabourMarketTest,
    MigrationListEntry? MigrationList,
    MinisterIntegrationTestEntry? MinisterIntegrationTest,
    FraudScreeningEntry? FraudScreening);
