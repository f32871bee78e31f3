using System.Globalization;

namespace Workflow.LocalHost.Simulation;

/// <summary>
/// The simulated federal office for the run, passed to the host's own simulator (<c>FederalOffice:*</c>, see
/// <c>FederalOfficeSettings</c>): its decision comes uniformly between the two delays, refused at the given rate.
/// </summary>
public sealed record FederalOfficeBehaviour
{
    public double AcknowledgeAfterDays { get; init; } = 0.5;

    public double DecisionAfterDaysMin { get; init; } = 2;

    public double DecisionAfterDaysMax { get; init; } = 8;

    public double RefusalRate { get; init; } = 0.1;

    /// <summary>Share of handoffs the office asks information about before it decides.</summary>
    public double InformationRequestRate { get; init; }

    public IEnumerable<string> Problems()
    {
        if (this.RefusalRate is < 0 or > 1 || this.InformationRequestRate is < 0 or > 1)
        {
            yield return "federalOffice.refusalRate and federalOffice.informationRequestRate must be from 0 to 1";
        }

        if (this.AcknowledgeAfterDays < 0 || this.DecisionAfterDaysMin < this.AcknowledgeAfterDays || this.DecisionAfterDaysMax < this.DecisionAfterDaysMin)
        {
            yield return "federalOffice needs 0 <= acknowledgeAfterDays <= decisionAfterDaysMin <= decisionAfterDaysMax";
        }
    }

    /// <summary>The host settings for its simulated federal office; the office's seed derives from the run's.</summary>
    public IEnumerable<string> HostArguments(int seed) =>
    [
        "--FederalOffice:Mode=Simulated",
        string.Create(CultureInfo.InvariantCulture, $"--FederalOffice:Seed={seed}"),
        string.Create(CultureInfo.InvariantCulture, $"--FederalOffice:RefusalRate={this.RefusalRate}"),
        string.Create(CultureInfo.InvariantCulture, $"--FederalOffice:InformationRequestRate={this.InformationRequestRate}"),
        string.Create(CultureInfo.InvariantCulture, $"--FederalOffice:AcknowledgeAfterDays={this.AcknowledgeAfterDays}"),
        string.Create(CultureInfo.InvariantCulture, $"--FederalOffice:DecisionAfterDaysMin={this.DecisionAfterDaysMin}"),
        string.Create(CultureInfo.InvariantCulture, $"--FederalOffice:DecisionAfterDaysMax={this.DecisionAfterDaysMax}"),
    ];
}
