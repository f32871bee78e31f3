namespace Workflow.Adapters.Simulated;

/// <summary>Whether the simulated federal office answers handoffs, or stays silent so tests drive federal messages themselves.</summary>
public enum FederalOfficeMode
{
    Simulated,
    Off,
}
