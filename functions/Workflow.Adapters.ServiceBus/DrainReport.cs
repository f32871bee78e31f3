namespace Workflow.Adapters.ServiceBus;

/// <summary>What one drain run did: messages received, completed, dead-lettered and abandoned (left to come back).</summary>
public sealed record DrainReport(int Received, int Completed, int DeadLettered, int Abandoned)
{
    public static DrainReport Empty { get; } = new(0, 0, 0, 0);

    internal DrainReport Add(DrainOutcome outcome) => outcome switch
    {
        DrainOutcome.Completed => this with { Received = this.Received + 1, Completed = this.Completed + 1 },
        DrainOutcome.DeadLettered => this with { Received = this.Received + 1, DeadLettered = this.DeadLettered + 1 },
        _ => this with { Received = this.Received + 1, Abandoned = this.Abandoned + 1 },
    };
}

internal enum DrainOutcome
{
    Completed,
    DeadLettered,
    Abandoned,
}
