using System.Collections.Concurrent;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Workflow.Functions.Tests.Support;

/// <summary>
/// A <see cref="DurableTaskClient"/> that records what the application services ask of the task hub: the
/// <c>[DurableClient]</c> binding's client, as the functions receive it, without a host.
/// </summary>
internal sealed class FakeDurableTaskClient() : DurableTaskClient("fake")
{
    public ConcurrentQueue<(TaskName Name, object? Input, StartOrchestrationOptions? Options)> Scheduled { get; } = new();

    public ConcurrentQueue<(string InstanceId, string EventName, object? Payload)> Raised { get; } = new();

    /// <summary>Instances the task hub knows (none unless a test puts one here); scheduling one makes it pending.</summary>
    public ConcurrentDictionary<string, OrchestrationMetadata> Instances { get; } = new();

    public override Task<string> ScheduleNewOrchestrationInstanceAsync(
        TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default)
    {
        this.Scheduled.Enqueue((orchestratorName, input, options));
        if (options?.InstanceId is string id && this.Instances.TryGetValue(id, out OrchestrationMetadata? existing))
        {
            this.Instances[id] = new OrchestrationMetadata(existing.Name, id) { RuntimeStatus = OrchestrationRuntimeStatus.Pending };
        }

        return Task.FromResult(options?.InstanceId ?? Guid.NewGuid().ToString("N"));
    }

    public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default)
    {
        this.Raised.Enqueue((instanceId, eventName, eventPayload));
        return Task.CompletedTask;
    }

    public ConcurrentQueue<PurgeInstancesFilter> Purges { get; } = new();

    public override Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        this.Purges.Enqueue(filter);
        return Task.FromResult(new PurgeResult(3));
    }

    public override Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        throw new NotSupportedException();

    public override Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        throw new NotSupportedException();

    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        throw new NotSupportedException();

    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        throw new NotSupportedException();

    /// <summary>How many times an instance was read.</summary>
    public int InstanceReads => this.instanceReads;

    int instanceReads;

    public override Task<OrchestrationMetadata?> GetInstancesAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        Interlocked.Increment(ref this.instanceReads);
        return Task.FromResult(this.Instances.TryGetValue(instanceId, out OrchestrationMetadata? instance) ? instance : null);
    }

    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null) =>
        throw new NotSupportedException();

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
