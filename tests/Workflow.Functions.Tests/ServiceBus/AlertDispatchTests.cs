using Azure.Messaging.ServiceBus;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Abstractions;
using Workflow.Adapters;
using Workflow.Adapters.ServiceBus;
using Workflow.Adapters.Storage;
using Workflow.Functions.Tests.Support;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Ports;

namespace Workflow.Functions.Tests.ServiceBus;

/// <summary>
/// The SLA alert publisher on topic <c>sla-alerts</c>: the Storage adapter's outbox (the record of truth) runs as it
/// is, its dispatch goes to the topic with message id = the alert's idempotency key. Service Bus and Table storage are
/// faked with the SDKs' mockable clients (no broker or storage runs here).
/// </summary>
public sealed class AlertDispatchTests
{
    static readonly StorageNames Names = new((string?)null);

    static SlaAlert Alert(MilestoneKind milestone = MilestoneKind.Breached) => new(
        SlaAlert.KeyFor("wp-abc", milestone),
        "wp-abc",
        PermitCategory.HighlySkilled,
        milestone,
        AlertAudience.Managers,
        new DateTimeOffset(2026, 3, 16, 9, 0, 0, TimeSpan.Zero),
        new DateTimeOffset(2026, 3, 16, 9, 0, 0, TimeSpan.Zero),
        new DateTimeOffset(2026, 3, 16, 9, 0, 1, TimeSpan.Zero));

    [Fact]
    public async Task The_dispatcher_sets_the_message_id_to_the_idempotency_key_and_routing_properties()
    {
        var client = new FakeServiceBusClient();
        var dispatcher = new ServiceBusAlertDispatcher(client, TestSettings.ServiceBus(), NullLogger<ServiceBusAlertDispatcher>.Instance);
        SlaAlert alert = Alert();
        string payload = Adapters.Queues.StorageQueueMessages.ToJson(alert);

        await dispatcher.DispatchAsync(alert.IdempotencyKey, payload, CancellationToken.None);

        ServiceBusMessage sent = Assert.Single(client.Sender("sla-alerts").Sent);
        Assert.Equal("wp-abc:breached", sent.MessageId);
        Assert.Equal(payload, sent.Body.ToString());
        Assert.Equal("breached", sent.Subject);
        Assert.Equal("managers", sent.ApplicationProperties["audience"]);
        Assert.Equal("wp-abc", sent.ApplicationProperties["applicationId"]);
    }

    [Fact]
    public async Task The_outbox_publisher_writes_the_row_then_sends_to_the_topic_once_per_key()
    {
        (FakeServiceBusClient bus, FakeTableClient outbox, IAlertPublisher publisher) = Publisher();
        SlaAlert alert = Alert();

        await publisher.PublishAsync(alert, CancellationToken.None);
        await publisher.PublishAsync(alert, CancellationToken.None); // a repeated activity: the row is dispatched, nothing is sent

        ServiceBusMessage sent = Assert.Single(bus.Sender("sla-alerts").Sent);
        Assert.Equal(alert.IdempotencyKey, sent.MessageId);
        var row = Assert.Single(outbox.Rows);
        Assert.Equal(("wp-abc", "breached"), row.Key);
        Assert.True((bool)row.Value.GetType().GetProperty("Dispatched")!.GetValue(row.Value)!);
    }

    [Fact]
    public async Task A_failed_send_leaves_the_row_undispatched_and_the_repeat_sends_it_under_the_same_message_id()
    {
        (FakeServiceBusClient bus, FakeTableClient outbox, IAlertPublisher publisher) = Publisher();
        SlaAlert alert = Alert(MilestoneKind.Escalated);
        bus.Sender("sla-alerts").Failure = new ServiceBusException("broker unavailable", ServiceBusFailureReason.ServiceTimeout);

        await Assert.ThrowsAsync<ServiceBusException>(() => publisher.PublishAsync(alert, CancellationToken.None));
        Assert.False((bool)Assert.Single(outbox.Rows).Value.GetType().GetProperty("Dispatched")!.GetValue(Assert.Single(outbox.Rows).Value)!);

        bus.Sender("sla-alerts").Failure = null;
        await publisher.PublishAsync(alert, CancellationToken.None);

        Assert.Equal(alert.IdempotencyKey, Assert.Single(bus.Sender("sla-alerts").Sent).MessageId);
    }

    [Fact]
    public async Task In_ServiceBus_mode_the_functions_app_sends_the_handoff_and_the_alerts_to_Service_Bus()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Messaging:Transport"] = "ServiceBus",
            ["ServiceBus:fullyQualifiedNamespace"] = "sb-test.servicebus.windows.net",
        };
        var bus = new FakeServiceBusClient();
        ServiceCollection services = FunctionsApp.Build(FunctionsApp.Configuration(settings));
        services.Replace(ServiceDescriptor.Singleton<ServiceBusClient>(bus));
        await using ServiceProvider provider = services.BuildServiceProvider();

        Assert.IsType<ServiceBusFederalOfficeGateway>(provider.GetRequiredService<IFederalOfficeGateway>());
        Assert.IsType<ServiceBusAlertDispatcher>(provider.GetRequiredService<Adapters.Queues.IAlertDispatcher>());
        Assert.IsType<OutboxAlertPublisher>(provider.GetRequiredService<IAlertPublisher>());
    }

    [Fact]
    public async Task In_StorageQueues_mode_nothing_of_Service_Bus_is_registered()
    {
        await using FunctionsApp app = FunctionsApp.Create(inMemoryPorts: false);

        Assert.Null(app.Services.GetService<ServiceBusClient>());
        Assert.IsType<Adapters.Queues.QueueAlertDispatcher>(app.Services.GetRequiredService<Adapters.Queues.IAlertDispatcher>());
        Assert.IsType<Adapters.Queues.QueueFederalOfficeGateway>(app.Services.GetRequiredService<IFederalOfficeGateway>());
    }

    static (FakeServiceBusClient Bus, FakeTableClient Outbox, IAlertPublisher Publisher) Publisher()
    {
        var bus = new FakeServiceBusClient();
        var tables = new FakeTableServiceClient();
        var dispatcher = new ServiceBusAlertDispatcher(bus, TestSettings.ServiceBus(), NullLogger<ServiceBusAlertDispatcher>.Instance);
        var publisher = new OutboxAlertPublisher(tables, dispatcher, Names, TimeProvider.System, NullLogger<OutboxAlertPublisher>.Instance);
        return (bus, tables.Table(Names.OutboxTable), publisher);
    }
}
