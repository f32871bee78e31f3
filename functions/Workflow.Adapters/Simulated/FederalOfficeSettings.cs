namespace Workflow.Adapters.Simulated;

/// <summary>
/// Settings of the simulated federal immigration office (section "FederalOffice"). Delays are in policy days, turned
/// into real time with <c>Workflow:PolicyDayLength</c>; outcomes are drawn reproducibly from the seed and handoff id.
/// </summary>
public sealed class FederalOfficeSettings
{
    public const string Section = "FederalOffice";

    public FederalOfficeMode Mode { get; set; } = FederalOfficeMode.Simulated;

    public int Seed { get; set; } = 44;

    /// <summary>Share of handoffs refused (0 to 1).</summary>
    public double RefusalRate { get; set; } = 0.1;

    /// <summary>Share of handoffs that get an information request before the decision (0 to 1).</summary>
    public double InformationRequestRate { get; set; } = 0.2;

    public double AcknowledgeAfterDays { get; set; } = 0.5;

    public double DecisionAfterDaysMin { get; set; } = 2;

    public double DecisionAfterDaysMax { get; set; } = 8;

    /// <summary>
    /// The reason codes a refusal draws one from. Configuration replaces this list (it does not append to it; see
    /// <c>AddAzureStorageAdapters</c>).
    /// </summary>
    public IReadOnlyList<string> ReasonCodesOnRefusal { get; set; } = ["insufficient-means", "public-order"];
}
