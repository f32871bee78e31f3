namespace Workflow.LocalHost.Engine;

/// <summary>Which orchestration service backs the local sidecar.</summary>
public enum EngineBackend
{
    /// <summary>The Durable Task Azure Storage provider (Durable Functions' default backend), on Azurite locally: state survives restarts.</summary>
    AzureStorage,

    /// <summary>The in-memory service of the test host: smoke checks only (slow, loses state, drops early events).</summary>
    InMemory,
}

/// <summary>Settings of the durable engine in the local host (section "Engine"); see docs/development.md#the-local-engine.</summary>
public sealed class EngineSettings
{
    public const string Section = "Engine";

    public EngineBackend Backend { get; set; } = EngineBackend.AzureStorage;

    public string TaskHub { get; set; } = "permits";

    public int PartitionCount { get; set; } = 4;

    /// <summary>Distinct per process; the default (machine name) would make two processes on one machine both claim every partition.</summary>
    public string? WorkerId { get; set; }

    /// <summary>The idle back-off of queue polling; the provider's default grows to 30 s, too slow for demos and tests.</summary>
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Activities the engine runs at once in this process; 0 (the default) for 10 per processor, the Functions host's
    /// default (maxConcurrentActivityFunctions). The provider's own default is 10 in all, and the local sidecar's
    /// dispatcher, once that many run, looks again only every 500 ms: with a dozen applications in flight, activities
    /// waited there for most of their time.
    /// </summary>
    public int MaxConcurrentActivities { get; set; }

    public int EffectiveMaxConcurrentActivities => this.MaxConcurrentActivities > 0 ? this.MaxConcurrentActivities : 10 * Environment.ProcessorCount;

    /// <summary>How long messages a killed process had dequeued stay invisible; the default 5 minutes, lowered in tests.</summary>
    public TimeSpan ControlQueueVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan WorkItemQueueVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a partition lease lasts; another worker takes over a dead worker's partitions after it.</summary>
    public TimeSpan LeaseInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The workflow version this host runs and stamps on new instances (defaults to the code's version). Set only to rehearse
    /// a rolling deployment: a host runs the instances of its version and older ones, and leaves newer ones alone.
    /// </summary>
    public string WorkflowVersion { get; set; } = Orchestrations.Workflows.PermitApplication.PermitWorkflowVersions.Current;

    /// <summary>Loopback port of the gRPC sidecar; 0 (the default) serves it on a Unix socket in a folder only this user may enter.</summary>
    public int GrpcPort { get; set; }

    /// <summary>
    /// Must be true for <see cref="GrpcPort"/> to take effect: on a TCP port, even loopback, every local user can drive
    /// the engine without a credential. The host refuses to start otherwise.
    /// </summary>
    public bool AllowTcpSidecar { get; set; }

    /// <summary>Refuses settings the engine would trip over later, naming the setting (the host reads these before it starts).</summary>
    public void Validate()
    {
        if (this.TaskHub is not { Length: >= 3 and <= 45 } hub || !char.IsAsciiLetter(hub[0]) || !hub.All(char.IsAsciiLetterOrDigit))
        {
            throw new InvalidOperationException($"{Section}:{nameof(this.TaskHub)} must be 3 to 45 ASCII letters and digits, starting with a letter (the Azure Storage provider names tables and queues after it); it is '{this.TaskHub}'.");
        }

        if (this.PartitionCount is < 1 or > 16)
        {
            throw new InvalidOperationException($"{Section}:{nameof(this.PartitionCount)} must be from 1 to 16; it is {this.PartitionCount}.");
        }

        if (this.MaxConcurrentActivities < 0)
        {
            throw new InvalidOperationException($"{Section}:{nameof(this.MaxConcurrentActivities)} must be 0 (10 per processor) or more; it is {this.MaxConcurrentActivities}.");
        }

        if (this.MaxQueuePollingInterval <= TimeSpan.Zero || this.ControlQueueVisibilityTimeout <= TimeSpan.Zero || this.WorkItemQueueVisibilityTimeout <= TimeSpan.Zero || this.LeaseInterval <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{Section}: MaxQueuePollingInterval, ControlQueueVisibilityTimeout, WorkItemQueueVisibilityTimeout and LeaseInterval must be longer than zero.");
        }
    }

    public string EffectiveWorkerId => string.IsNullOrWhiteSpace(this.WorkerId)
        ? $"{Environment.MachineName}-{Environment.ProcessId}"
        : this.WorkerId;
}
