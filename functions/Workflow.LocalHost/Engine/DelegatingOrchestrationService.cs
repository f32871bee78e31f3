using DurableTask.Core;

namespace Workflow.LocalHost.Engine;

/// <summary>
/// An orchestration service that forwards every call to another: the base of the decorators the sidecar is handed
/// (<see cref="StopSafeOrchestrationService"/>, <see cref="RedeliveredMessageFilter"/>, and the bench's work-item counter), which override only what they change.
/// </summary>
public abstract class DelegatingOrchestrationService(IOrchestrationService inner) : IOrchestrationService
{
    protected IOrchestrationService Inner { get; } = inner ?? throw new ArgumentNullException(nameof(inner));

    public int TaskOrchestrationDispatcherCount => this.Inner.TaskOrchestrationDispatcherCount;

    public int MaxConcurrentTaskOrchestrationWorkItems => this.Inner.MaxConcurrentTaskOrchestrationWorkItems;

    public BehaviorOnContinueAsNew EventBehaviourForContinueAsNew => this.Inner.EventBehaviourForContinueAsNew;

    public int TaskActivityDispatcherCount => this.Inner.TaskActivityDispatcherCount;

    public int MaxConcurrentTaskActivityWorkItems => this.Inner.MaxConcurrentTaskActivityWorkItems;

    public virtual Task StartAsync() => this.Inner.StartAsync();

    public virtual Task StopAsync() => this.Inner.StopAsync();

    public virtual Task StopAsync(bool isForced) => this.Inner.StopAsync(isForced);

    public Task CreateAsync() => this.Inner.CreateAsync();

    public Task CreateAsync(bool recreateInstanceStore) => this.Inner.CreateAsync(recreateInstanceStore);

    public Task CreateIfNotExistsAsync() => this.Inner.CreateIfNotExistsAsync();

    public Task DeleteAsync() => this.Inner.DeleteAsync();

    public Task DeleteAsync(bool deleteInstanceStore) => this.Inner.DeleteAsync(deleteInstanceStore);

    public bool IsMaxMessageCountExceeded(int currentMessageCount, OrchestrationRuntimeState runtimeState) =>
        this.Inner.IsMaxMessageCountExceeded(currentMessageCount, runtimeState);

    public int GetDelayInSecondsAfterOnProcessException(Exception exception) => this.Inner.GetDelayInSecondsAfterOnProcessException(exception);

    public int GetDelayInSecondsAfterOnFetchException(Exception exception) => this.Inner.GetDelayInSecondsAfterOnFetchException(exception);

    public virtual Task<TaskOrchestrationWorkItem> LockNextTaskOrchestrationWorkItemAsync(TimeSpan receiveTimeout, CancellationToken cancellationToken) =>
        this.Inner.LockNextTaskOrchestrationWorkItemAsync(receiveTimeout, cancellationToken);

    public Task RenewTaskOrchestrationWorkItemLockAsync(TaskOrchestrationWorkItem workItem) => this.Inner.RenewTaskOrchestrationWorkItemLockAsync(workItem);

    public virtual Task CompleteTaskOrchestrationWorkItemAsync(
        TaskOrchestrationWorkItem workItem,
        OrchestrationRuntimeState newOrchestrationRuntimeState,
        IList<TaskMessage> outboundMessages,
        IList<TaskMessage> orchestratorMessages,
        IList<TaskMessage> timerMessages,
        TaskMessage continuedAsNewMessage,
        OrchestrationState orchestrationState) =>
        this.Inner.CompleteTaskOrchestrationWorkItemAsync(
            workItem, newOrchestrationRuntimeState, outboundMessages, orchestratorMessages, timerMessages, continuedAsNewMessage, orchestrationState);

    public Task AbandonTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => this.Inner.AbandonTaskOrchestrationWorkItemAsync(workItem);

    public Task ReleaseTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => this.Inner.ReleaseTaskOrchestrationWorkItemAsync(workItem);

    public Task<TaskActivityWorkItem> LockNextTaskActivityWorkItem(TimeSpan receiveTimeout, CancellationToken cancellationToken) =>
        this.Inner.LockNextTaskActivityWorkItem(receiveTimeout, cancellationToken);

    public Task<TaskActivityWorkItem> RenewTaskActivityWorkItemLockAsync(TaskActivityWorkItem workItem) => this.Inner.RenewTaskActivityWorkItemLockAsync(workItem);

    public virtual Task CompleteTaskActivityWorkItemAsync(TaskActivityWorkItem workItem, TaskMessage responseMessage) =>
        this.Inner.CompleteTaskActivityWorkItemAsync(workItem, responseMessage);

    public Task AbandonTaskActivityWorkItemAsync(TaskActivityWorkItem workItem) => this.Inner.AbandonTaskActivityWorkItemAsync(workItem);
}
