using DurableTask.Core;
using DurableTask.Core.History;

namespace Workflow.LocalHost.Engine;

/// <summary>
/// Drops, before the sidecar's dispatcher sees them, the messages the Functions host's dispatcher (DurableTask.Core's
/// <c>TaskOrchestrationDispatcher</c>) drops: a start message for an instance that has started already, and a message
/// addressed to another execution of the instance. The sidecar's dispatcher appends every message to the history as it
/// comes (its source says so: "TODO: Filter out invalid messages"), and the Azure Storage provider delivers a start
/// message again when a host dies after committing an instance's first episode and before deleting that message. A
/// second ExecutionStarted in the history runs the orchestrator a second time inside the same execution: the workflow
/// would decide, write letters and notify twice. The dropped messages stay in the work item's batch, so the provider
/// still deletes them from the control queue when the episode is committed.
/// </summary>
internal sealed partial class RedeliveredMessageFilter(IOrchestrationService inner, ILogger<RedeliveredMessageFilter> logger) : DelegatingOrchestrationService(inner)
{
    public override async Task<TaskOrchestrationWorkItem> LockNextTaskOrchestrationWorkItemAsync(TimeSpan receiveTimeout, CancellationToken cancellationToken)
    {
        TaskOrchestrationWorkItem? workItem = await this.Inner.LockNextTaskOrchestrationWorkItemAsync(receiveTimeout, cancellationToken);
        if (workItem?.NewMessages is { Count: > 0 } messages)
        {
            (IList<TaskMessage> kept, IReadOnlyList<TaskMessage> dropped) = Sift(workItem.OrchestrationRuntimeState, messages);
            foreach (TaskMessage message in dropped)
            {
                LogDropped(logger, workItem.InstanceId, message.Event.EventType, message.OrchestrationInstance?.ExecutionId);
            }

            workItem.NewMessages = kept;
        }

        return workItem!; // null when no work came within the timeout, as the provider answers
    }

    /// <summary>
    /// The messages an episode may act on, in their order, and the ones it must not: a start message once the history
    /// (or an earlier message of this batch) holds one, and a message naming an execution other than the current one.
    /// </summary>
    public static (IList<TaskMessage> Kept, IReadOnlyList<TaskMessage> Dropped) Sift(OrchestrationRuntimeState? history, IList<TaskMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        bool started = history?.ExecutionStartedEvent is not null;
        string? executionId = started
            ? history!.ExecutionStartedEvent!.OrchestrationInstance?.ExecutionId
            : messages.FirstOrDefault(m => m.Event is ExecutionStartedEvent)?.OrchestrationInstance?.ExecutionId;
        var kept = new List<TaskMessage>(messages.Count);
        var dropped = new List<TaskMessage>();
        foreach (TaskMessage message in messages)
        {
            string? addressedTo = message.OrchestrationInstance?.ExecutionId;
            bool stale = message.Event is ExecutionStartedEvent
                ? started
                : !string.IsNullOrEmpty(addressedTo) && executionId is not null && !string.Equals(addressedTo, executionId, StringComparison.Ordinal);
            if (stale)
            {
                dropped.Add(message);
                continue;
            }

            started |= message.Event is ExecutionStartedEvent;
            kept.Add(message);
        }

        return dropped.Count == 0 ? (messages, dropped) : (kept, dropped);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Instance {InstanceId}: dropped a redelivered or stale {EventType} message (execution {ExecutionId})")]
    static partial void LogDropped(ILogger logger, string instanceId, EventType eventType, string? executionId);
}
