using DurableTask.Core;
using DurableTask.Core.History;
using Workflow.LocalHost.Engine;

namespace Workflow.UnitTests.Engine;

/// <summary>What the local host's sidecar may act on from a batch of control-queue messages (what DurableTask.Core's dispatcher keeps).</summary>
public sealed class RedeliveredMessageFilterTests
{
    const string InstanceId = "WP-2026-000001";

    [Fact]
    public void A_start_message_delivered_again_to_a_started_instance_is_dropped_and_the_rest_kept_in_order()
    {
        OrchestrationRuntimeState history = Started("exec-1");
        TaskMessage start = Start("exec-1");
        TaskMessage decision = Raised("caseworker-decision", executionId: null);
        TaskMessage completed = Completed("exec-1");

        (IList<TaskMessage> kept, IReadOnlyList<TaskMessage> dropped) = RedeliveredMessageFilter.Sift(history, [start, decision, completed]);

        Assert.Equal([decision, completed], kept);
        Assert.Equal([start], dropped);
    }

    [Fact]
    public void The_first_start_of_a_new_instance_is_kept_and_a_copy_in_the_same_batch_dropped()
    {
        TaskMessage start = Start("exec-1");
        TaskMessage copy = Start("exec-1");
        TaskMessage payment = Raised("fee-paid", executionId: null);

        (IList<TaskMessage> kept, IReadOnlyList<TaskMessage> dropped) = RedeliveredMessageFilter.Sift(new OrchestrationRuntimeState(), [payment, start, copy]);

        Assert.Equal([payment, start], kept);
        Assert.Equal([copy], dropped);
    }

    [Fact]
    public void Messages_for_another_execution_of_the_instance_are_dropped_whether_it_started_before_or_in_this_batch()
    {
        TaskMessage oldTimer = Completed("exec-0");
        TaskMessage current = Completed("exec-1");

        Assert.Equal([oldTimer], RedeliveredMessageFilter.Sift(Started("exec-1"), [oldTimer, current]).Dropped);

        TaskMessage start = Start("exec-1");
        (IList<TaskMessage> kept, IReadOnlyList<TaskMessage> dropped) = RedeliveredMessageFilter.Sift(new OrchestrationRuntimeState(), [oldTimer, start]);
        Assert.Equal([start], kept);
        Assert.Equal([oldTimer], dropped);
    }

    [Fact]
    public void A_batch_with_nothing_stale_is_handed_on_as_it_came()
    {
        IList<TaskMessage> batch = [Raised("federal-decision", executionId: null), Completed("exec-1")];

        (IList<TaskMessage> kept, IReadOnlyList<TaskMessage> dropped) = RedeliveredMessageFilter.Sift(Started("exec-1"), batch);

        Assert.Same(batch, kept);
        Assert.Empty(dropped);
    }

    static OrchestrationRuntimeState Started(string executionId) =>
        new([new ExecutionStartedEvent(-1, "{}") { OrchestrationInstance = Instance(executionId), Name = "PermitApplicationOrchestrator" }]);

    static TaskMessage Start(string executionId) => new()
    {
        OrchestrationInstance = Instance(executionId),
        Event = new ExecutionStartedEvent(-1, "{}") { OrchestrationInstance = Instance(executionId), Name = "PermitApplicationOrchestrator" },
    };

    static TaskMessage Raised(string name, string? executionId) => new()
    {
        OrchestrationInstance = Instance(executionId),
        Event = new EventRaisedEvent(-1, "{}") { Name = name },
    };

    static TaskMessage Completed(string executionId) => new()
    {
        OrchestrationInstance = Instance(executionId),
        Event = new TaskCompletedEvent(-1, 3, "{}"),
    };

    static OrchestrationInstance Instance(string? executionId) => new() { InstanceId = InstanceId, ExecutionId = executionId };
}
