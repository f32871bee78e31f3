namespace Workflow.Orchestrations.Domain;

/// <summary>A named ground on a decision, with the section of the concept note it comes from.</summary>
public sealed record DecisionGround(string Code, string Section, string Description);

/// <summary>
/// The closed list of refusal grounds (concept note §2.1, §2.3; docs/policy.md). A caseworker's refusal must cite at least one of
/// <see cref="CaseworkerGrounds"/>; the system adds <see cref="ResidenceRefused"/>, <see cref="Incomplete"/> and
/// <see cref="FeeUnpaid"/> itself, and finds exclusions (of the employer, a director, the function) on admissibility.
/// </summary>
public static class DecisionGrounds
{
    public static readonly DecisionGround EconomicHub = new(
        "economic-hub", "§2.1", "The employer acts as an economic hub for the entry of non-EU workers.");

    public static readonly DecisionGround NonEuWorkforceOnly = new(
        "non-eu-workforce-only", "§2.1", "The employer works almost exclusively with non-EU workers, ignoring the available labour reserve.");

    public static readonly DecisionGround FalseDocuments = new(
        "false-documents", "§2.1", "The worker uses false or unlawfully obtained documents.");

    public static readonly DecisionGround EmployerExcluded = new(
        "employer-excluded", "§2.1", "The employer is excluded from the application procedure after earlier violations.");

    /// <summary>The note extends the exclusion to the level of the director (§2.1): the letter says so, not that the employer is excluded.</summary>
    public static readonly DecisionGround DirectorExcluded = new(
        "director-excluded", "§2.1", "A director of the employer is excluded from the application procedure after earlier violations.");

    public static readonly DecisionGround FunctionExcluded = new(
        "function-excluded", "§2.3", "Low-skilled functions (VKS 2) are excluded from the category 'other'; only seasonal work is an exception.");

    public static readonly DecisionGround ConditionsNotMet = new(
        "category-conditions-not-met", "§2.2, §2.3, §2.7", "The conditions of the category are not met.");

    public static readonly DecisionGround ResidenceRefused = new(
        "residence-refused", "§2.4", "The federal immigration office refused residence, so no single permit can be issued.");

    public static readonly DecisionGround Incomplete = new(
        "incomplete-application", "§2.9", "The application stayed incomplete after the deadline to complete it.");

    public static readonly DecisionGround FeeUnpaid = new(
        "fee-unpaid", "§2.5", "The application fee was not paid, or its payment was reversed and not paid again, by the deadline.");

    public static IReadOnlyList<DecisionGround> CaseworkerGrounds { get; } =
        [EconomicHub, NonEuWorkforceOnly, FalseDocuments, EmployerExcluded, DirectorExcluded, FunctionExcluded, ConditionsNotMet];

    public static IReadOnlyList<DecisionGround> All { get; } =
        [.. CaseworkerGrounds, ResidenceRefused, Incomplete, FeeUnpaid];

    public static DecisionGround? Find(string code) => All.FirstOrDefault(g => g.Code == code);
}
