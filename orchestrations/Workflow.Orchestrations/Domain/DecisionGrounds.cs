namespace Workflow.Orchestrations.Domain;

/// <summary>
/// A named ground on a decision, with the section of the concept note it comes from: <paramref name="Description"/> in
/// English, <paramref name="DescriptionNl"/> in Dutch, the language of the letter (the English is its translation).
/// </summary>
public sealed record DecisionGround(string Code, string Section, string Description, string DescriptionNl);

/// <summary>
/// The closed list of refusal grounds (concept note §2.1, §2.3; docs/policy.md). A caseworker's refusal must cite at least one of
/// <see cref="CaseworkerGrounds"/>; the system adds <see cref="ResidenceRefused"/>, <see cref="Incomplete"/> and
/// <see cref="FeeUnpaid"/> itself, and finds exclusions (of the employer, a director, the function) on admissibility.
/// </summary>
public static class DecisionGrounds
{
    public static readonly DecisionGround EconomicHub = new(
        "economic-hub", "§2.1", "The employer acts as an economic hub for the entry of non-EU workers.",
        "De werkgever treedt op als economische draaischijf voor de instroom van niet-EU-werknemers.");

    public static readonly DecisionGround NonEuWorkforceOnly = new(
        "non-eu-workforce-only", "§2.1", "The employer works almost exclusively with non-EU workers, ignoring the available labour reserve.",
        "De werkgever werkt bijna uitsluitend met niet-EU-werknemers en gaat voorbij aan de beschikbare arbeidsreserve.");

    public static readonly DecisionGround FalseDocuments = new(
        "false-documents", "§2.1", "The worker uses false or unlawfully obtained documents.",
        "De werknemer gebruikt valse of onrechtmatig verkregen documenten.");

    public static readonly DecisionGround EmployerExcluded = new(
        "employer-excluded", "§2.1", "The employer is excluded from the application procedure after earlier violations.",
        "De werkgever is na eerdere inbreuken uitgesloten van de aanvraagprocedure.");

    /// <summary>The note extends the exclusion to the level of the director (§2.1): the letter says so, not that the employer is excluded.</summary>
    public static readonly DecisionGround DirectorExcluded = new(
        "director-excluded", "§2.1", "A director of the employer is excluded from the application procedure after earlier violations.",
        "Een bestuurder van de werkgever is na eerdere inbreuken uitgesloten van de aanvraagprocedure.");

    public static readonly DecisionGround FunctionExcluded = new(
        "function-excluded", "§2.3", "Low-skilled functions (VKS 2) are excluded from the category 'other'; only seasonal work is an exception.",
        "Laaggeschoolde functies (VKS 2) zijn uitgesloten van de categorie 'andere'; enkel seizoensarbeid is een uitzondering.");

    public static readonly DecisionGround ConditionsNotMet = new(
        "category-conditions-not-met", "§2.2, §2.3, §2.7", "The conditions of the category are not met.",
        "De voorwaarden van de categorie zijn niet vervuld.");

    public static readonly DecisionGround ResidenceRefused = new(
        "residence-refused", "§2.4", "The federal immigration office refused residence, so no single permit can be issued.",
        "De federale Dienst Vreemdelingenzaken weigerde het verblijf, zodat geen gecombineerde vergunning kan worden afgegeven.");

    public static readonly DecisionGround Incomplete = new(
        "incomplete-application", "§2.9", "The application stayed incomplete after the deadline to complete it.",
        "De aanvraag bleef onvolledig na de termijn om ze te vervolledigen.");

    public static readonly DecisionGround FeeUnpaid = new(
        "fee-unpaid", "§2.5", "The application fee was not paid, or its payment was reversed and not paid again, by the deadline.",
        "De retributie werd niet binnen de termijn betaald, of werd na een terugboeking van de betaling niet opnieuw betaald.");

    public static IReadOnlyList<DecisionGround> CaseworkerGrounds { get; } =
        [EconomicHub, NonEuWorkforceOnly, FalseDocuments, EmployerExcluded, DirectorExcluded, FunctionExcluded, ConditionsNotMet];

    public static IReadOnlyList<DecisionGround> All { get; } =
        [.. CaseworkerGrounds, ResidenceRefused, Incomplete, FeeUnpaid];

    public static DecisionGround? Find(string code) => All.FirstOrDefault(g => g.Code == code);
}
