namespace Workflow.Orchestrations.Rules;

/// <summary>
/// The stable ids of the eligibility rules (docs/policy.md). They are part of the contract: the case index, letters and
/// reports refer to them, so a rule keeps its id when its wording or data changes.
/// </summary>
public static class RuleIds
{
    /// <summary>§2.2: the function is at higher-education level (VKS 5 or higher), or the nurse exception applies.</summary>
    public const string HighlySkilledFunctionLevel = "highly-skilled.function-level";

    /// <summary>
    /// Addition (public figures, docs/policy.md#figures-from-public-sources): the salary reaches the highly skilled
    /// threshold (100%, or 80% under 30 and for nurses).
    /// </summary>
    public const string HighlySkilledSalary = "highly-skilled.salary";

    /// <summary>§2.2: a highly skilled person in a lower-level function cannot use the highly skilled category.</summary>
    public const string HighlySkilledNotLowerLevelFunction = "highly-skilled.not-lower-level-function";

    /// <summary>§2.3: the occupation is on the medium-skilled migration list in force on the submission date.</summary>
    public const string MediumSkilledOnMigrationList = "medium-skilled.on-migration-list";

    /// <summary>§2.3: the salary reaches the medium-skilled level.</summary>
    public const string MediumSkilledSalary = "medium-skilled.salary";

    /// <summary>§2.3 (public figures, docs/policy.md#figures-from-public-sources): the function is medium-skilled, VKS 3 to 4.</summary>
    public const string MediumSkilledFunctionLevel = "medium-skilled.function-level";

    /// <summary>§2.3 (interpretation): functions at VKS 2 or below are excluded from "other", seasonal work excepted.</summary>
    public const string OtherNotLowSkilled = "other.not-low-skilled";

    /// <summary>§2.3: the salary of the category "other" reaches the medium-skilled level.</summary>
    public const string OtherSalary = "other.salary";

    /// <summary>§2.3: the vacancy was published on the VDAB site long enough inside the window.</summary>
    public const string LabourMarketTestVdab = "labour-market-test.vdab";

    /// <summary>§2.3: the vacancy was published on the EURES site long enough inside the window.</summary>
    public const string LabourMarketTestEures = "labour-market-test.eures";

    /// <summary>§2.3: the employer's search dossier is in the file.</summary>
    public const string LabourMarketTestSearchDossier = "labour-market-test.search-dossier";

    /// <summary>§2.3: whether a local worker can be found within a reasonable time: always the caseworker's judgement.</summary>
    public const string LabourMarketTestLocalWorkerJudgement = "labour-market-test.local-worker-judgement";

    /// <summary>§2.7: proof of a shortage of ministers of the religion.</summary>
    public const string MinisterShortageProof = "minister.shortage-proof";

    /// <summary>§2.7: proof of a passed integration and language test, once in force.</summary>
    public const string MinisterIntegrationTest = "minister.integration-test";

    /// <summary>§2.5: the note sets no category conditions for the work card up to 90 days.</summary>
    public const string WorkCardCategoryConditions = "work-card.category-conditions";

    /// <summary>§2.5: the note sets no category conditions for the professional card.</summary>
    public const string ProfessionalCardCategoryConditions = "professional-card.category-conditions";

    /// <summary>
    /// §2.1 (data-driven fraud detection: wages paid correctly), for renewals (§2.5): the wage the authentic sources
    /// declare for the worker reaches the previous grant's wage and the category's threshold of the year.
    /// </summary>
    public const string RenewalWage = "renewal.wage";
}
