namespace Workflow.LocalHost.Bench;

/// <summary>A bench run that cannot give honest figures: an application that did not complete in time, or failed.</summary>
public sealed class BenchFailedException : Exception
{
    public BenchFailedException()
    {
    }

    public BenchFailedException(string message)
        : base(message)
    {
    }

    public BenchFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
