using Microsoft.DurableTask.Client;
using Workflow.Application.Commands;
using Workflow.Functions.Tests.Support;
using Workflow.Orchestrations.Contracts;

namespace Workflow.Functions.Tests;

/// <summary>
/// An event raised while its workflow's start is still on its way (the instance pending) is raised again once the
/// workflow runs: the Azure Storage provider may discard the first ("No such instance"). An event for a running
/// workflow is raised once, without reading the instance when the caller knows it runs (the case index has its case).
/// </summary>
public sealed class WorkflowEventTests
{
    const string Id = "wp-abcdefghijklmnopqrstuvwxyz";

    static readonly FeePaid Paid = new("fee:PAY-1", Id, new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero), "PAY-1", 20000, "EUR");

    static OrchestrationMetadata Instance(OrchestrationRuntimeStatus status) => new("PermitApplicationOrchestrator", Id) { RuntimeStatus = status };

    [Fact]
    public async Task An_event_for_a_workflow_not_started_yet_is_raised_again_once_it_runs()
    {
        var client = new FakeDurableTaskClient();
        client.Instances[Id] = Instance(OrchestrationRuntimeStatus.Pending);

        Task raising = new DurableWorkflowEvents(client).RaiseAsync(Id, PermitEvents.FeePaid, Paid, started: false, CancellationToken.None);
        Assert.Single(client.Raised); // raised at once (the fake answers synchronously)
        Assert.False(raising.IsCompleted); // and now waiting for the start
        client.Instances[Id] = Instance(OrchestrationRuntimeStatus.Running);
        await raising.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal([(Id, PermitEvents.FeePaid), (Id, PermitEvents.FeePaid)], client.Raised.Select(r => (r.InstanceId, r.EventName)));
        Assert.All(client.Raised, r => Assert.Same(Paid, r.Payload));
    }

    [Fact]
    public async Task An_event_for_a_running_workflow_is_raised_once()
    {
        var client = new FakeDurableTaskClient();
        client.Instances[Id] = Instance(OrchestrationRuntimeStatus.Running);

        await new DurableWorkflowEvents(client).RaiseAsync(Id, PermitEvents.FeePaid, Paid, started: false, CancellationToken.None);

        Assert.Single(client.Raised);
    }

    [Fact]
    public async Task An_event_for_a_workflow_known_to_run_is_raised_once_without_reading_the_instance()
    {
        var client = new FakeDurableTaskClient();
        client.Instances[Id] = Instance(OrchestrationRuntimeStatus.Pending); // what a read would find: it must not look

        await new DurableWorkflowEvents(client).RaiseAsync(Id, PermitEvents.FeePaid, Paid, started: true, CancellationToken.None);

        Assert.Single(client.Raised);
        Assert.Equal(0, client.InstanceReads);
    }
}
