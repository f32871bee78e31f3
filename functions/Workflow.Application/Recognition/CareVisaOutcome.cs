namespace Workflow.Application.Recognition;

/// <summary>What the federal health service (FOD Volksgezondheid) decided on the care visa (visum).</summary>
public enum CareVisaOutcome
{
    Granted,
    Refused,
}
