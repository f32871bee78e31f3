namespace Workflow.LocalHost.Simulation;

/// <summary>A run abandoned because the host kept failing: its figures would measure the failure, not the capacity.</summary>
public sealed class SimulationAbortedException : Exception
{
    public SimulationAbortedException()
    {
    }

    public SimulationAbortedException(string message)
        : base(message)
    {
    }

    public SimulationAbortedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
