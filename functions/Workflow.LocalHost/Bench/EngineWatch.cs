using System.Collections.Concurrent;
using DurableTask.Core;
using DurableTask.Core.History;
using Workflow.LocalHost.Engine;

namespace Workflow.LocalHost.Bench;

/// <summary>
/// Watches the engine from inside the host, without reading storage: it decorates the orchestration service the
/// sidecar dispatches from (<see cref="OrchestrationServiceDecorator"/>), counts the work items it completes
/// (orchestration episodes and activity executions: the durable work items), and tells the bench, as each is committed,
/// a watched instance's custom status, its completed activities and its end.
/// </summary>
public sealed class EngineWatch
{
    readonly ConcurrentDictionary<string, WatchedInstance> instances = new(StringComparer.Ordinal);
    long episodes;
    long activities;

    public long Episodes => Interlocked.Read(ref this.episodes);

    public long Activities => Interlocked.Read(ref this.activities);

    public OrchestrationServiceDecorator Decorator => new(inner => new CountingOrchestrationService(inner, this));

    /// <summary>Watches an instance from now on (before it is started, so nothing it does is missed).</summary>
    public WatchedInstance Watch(string instanceId, Action<WatchedInstance, string?>? onCustomStatus = null, Action<WatchedInstance, string>? onActivityCompleted = null)
    {
        var watched = new WatchedInstance(instanceId, onCustomStatus, onActivityCompleted);
        if (!this.instances.TryAdd(instanceId, watched))
        {
            throw new InvalidOperationException($"Instance {instanceId} is watched already.");
        }

        return watched;
    }

    public void Forget(string instanceId) => this.instances.TryRemove(instanceId, out _);

    void EpisodeCommitted(string instanceId, OrchestrationStatus status, string? customStatus)
    {
        Interlocked.Increment(ref this.episodes);
        if (this.instances.TryGetValue(instanceId, out WatchedInstance? watched))
        {
            watched.EpisodeCommitted(status, customStatus);
        }
    }

    void ActivityCommitted(string instanceId, string activityName)
    {
        Interlocked.Increment(ref this.activities);
        if (this.instances.TryGetValue(instanceId, out WatchedInstance? watched))
        {
            watched.ActivityCommitted(activityName);
        }
    }

    /// <summary>Reports each work item once the inner service has committed it.</summary>
    sealed class CountingOrchestrationService(IOrchestrationService inner, EngineWatch watch) : DelegatingOrchestrationService(inner)
    {
        public override async Task CompleteTaskOrchestrationWorkItemAsync(
            TaskOrchestrationWorkItem workItem,
            OrchestrationRuntimeState newOrchestrationRuntimeState,
            IList<TaskMessage> outboundMessages,
            IList<TaskMessage> orchestratorMessages,
            IList<TaskMessage> timerMessages,
            TaskMessage continuedAsNewMessage,
            OrchestrationState orchestrationState)
        {
            await base.CompleteTaskOrchestrationWorkItemAsync(
                workItem, newOrchestrationRuntimeState, outboundMessages, orchestratorMessages, timerMessages, continuedAsNewMessage, orchestrationState);
            watch.EpisodeCommitted(
                workItem.InstanceId,
                newOrchestrationRuntimeState.OrchestrationStatus,
                orchestrationState?.Status ?? newOrchestrationRuntimeState.Status);
        }

        public override async Task CompleteTaskActivityWorkItemAsync(TaskActivityWorkItem workItem, TaskMessage responseMessage)
        {
            await base.CompleteTaskActivityWorkItemAsync(workItem, responseMessage);
            watch.ActivityCommitted(
                workItem.TaskMessage.OrchestrationInstance.InstanceId,
                (workItem.TaskMessage.Event as TaskScheduledEvent)?.Name ?? string.Empty);
        }
    }
}
