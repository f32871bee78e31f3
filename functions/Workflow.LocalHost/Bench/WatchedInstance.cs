using DurableTask.Core;

namespace Workflow.LocalHost.Bench;

/// <summary>
/// One instance the bench follows through <see cref="EngineWatch"/>: its reactions run on the engine's dispatcher as
/// each work item is committed, so they only start work (never wait on it); <see cref="Ended"/> completes with its
/// final status and the moment it was committed.
/// </summary>
public sealed class WatchedInstance(string instanceId, Action<WatchedInstance, string?>? onCustomStatus, Action<WatchedInstance, string>? onActivityCompleted)
{
    readonly TaskCompletionSource<(OrchestrationStatus Status, DateTimeOffset At)> ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    string? customStatus;

    public string InstanceId { get; } = instanceId;

    public Task<(OrchestrationStatus Status, DateTimeOffset At)> Ended => this.ended.Task;

    internal void EpisodeCommitted(OrchestrationStatus status, string? newCustomStatus)
    {
        if (newCustomStatus != this.customStatus)
        {
            this.customStatus = newCustomStatus;
            onCustomStatus?.Invoke(this, newCustomStatus);
        }

        if (status is OrchestrationStatus.Completed or OrchestrationStatus.Failed or OrchestrationStatus.Terminated or OrchestrationStatus.Canceled)
        {
            this.ended.TrySetResult((status, DateTimeOffset.UtcNow));
        }
    }

    internal void ActivityCommitted(string activityName) => onActivityCompleted?.Invoke(this, activityName);
}
