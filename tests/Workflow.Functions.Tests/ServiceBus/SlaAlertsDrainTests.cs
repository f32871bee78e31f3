using Microsoft.Extensions.Logging.Abstractions;
using Workflow.Adapters.Queues;
using Workflow.Adapters.ServiceBus;
using Workflow.Functions.Tests.Support;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Domain;

namespace Workflow.Functions.Tests.ServiceBus;

/// <summary>
/// The drain of the <c>managers</c> subscription into the managers' inbox. Service Bus is faked with the SDK's model
/// factory and mockable receiver (no broker runs on these machines).
/// </summary>
public sealed class SlaAlertsDrainTests
{
    readonly FakeServiceBusClient bus = new();
    readonly InMemoryManagerAlertInbox inbox = new();

    FakeReceiver Subscription => this.bus.Receiver("sla-alerts/Subscriptions/managers");

    SlaAlertsDrain Drain() => new(this.bus, TestSettings.ServiceBus(), this.inbox, TimeProvider.System, NullLogger<SlaAlertsDrain>.Instance);

    static string AlertJson() => StorageQueueMessages.ToJson(new SlaAlert(
        "wp-abc:breached", "wp-abc", PermitCategory.Other, MilestoneKind.Breached, AlertAudience.Managers,
        DateTimeOffset.UnixEpoch, null, DateTimeOffset.UnixEpoch));

    [Fact]
    public async Task Alerts_are_recorded_once_per_key_and_completed()
    {
        this.Subscription.Add(Messages.Received(AlertJson(), "wp-abc:breached"), Messages.Received(AlertJson(), "wp-abc:breached", deliveryCount: 2));

        DrainReport report = await this.Drain().DrainAsync(CancellationToken.None);

        Assert.Equal(2, report.Completed);
        var delivered = Assert.Single((await this.inbox.ListAsync("wp-abc", 50, null, CancellationToken.None)).Items);
        Assert.Equal(2, delivered.Deliveries);
    }

    [Fact]
    public async Task An_unreadable_message_is_dead_lettered()
    {
        this.Subscription.Add(Messages.Received("not json", "x"));

        await this.Drain().DrainAsync(CancellationToken.None);

        Assert.Equal(SlaAlertsDrain.Unreadable, Assert.Single(this.Subscription.DeadLettered).Reason);
    }

    [Fact]
    public async Task A_recording_that_fails_abandons_the_message()
    {
        this.inbox.Failure = new InvalidOperationException("table down");
        this.Subscription.Add(Messages.Received(AlertJson(), "wp-abc:breached"));

        DrainReport report = await this.Drain().DrainAsync(CancellationToken.None);

        Assert.Equal(1, report.Abandoned);
        Assert.Single(this.Subscription.Abandoned);
    }
}
