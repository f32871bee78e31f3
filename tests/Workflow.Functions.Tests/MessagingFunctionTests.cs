using System.Text.Json;
using Azure.Messaging.ServiceBus;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Workflow.Adapters;
using Workflow.Adapters.Queues;
using Workflow.Functions.Messaging;
using Workflow.Functions.Operations;
using Workflow.Functions.Tests.ServiceBus;
using Workflow.Functions.Tests.Support;
using Workflow.Orchestrations.Serialization;

namespace Workflow.Functions.Tests;

/// <summary>
/// The timer-, queue- and admin-triggered functions called directly with the app's container. Service Bus is faked
/// with the SDK's model factory and mockable clients and Storage queues with the queue SDK's mockable clients: no
/// broker or storage runs on these machines.
/// </summary>
public sealed class MessagingFunctionTests
{
    static readonly Dictionary<string, string?> ServiceBusMode = new()
    {
        ["Messaging:Transport"] = "ServiceBus",
        ["ServiceBus:fullyQualifiedNamespace"] = "sb-test.servicebus.windows.net",
    };

    [Fact]
    public async Task The_federal_drain_function_runs_the_handler_with_the_bindings_client_and_settles_the_messages()
    {
        var bus = new FakeServiceBusClient();
        await using ServiceProvider provider = Provider(ServiceBusMode, services => services.Replace(ServiceDescriptor.Singleton<ServiceBusClient>(bus)));
        bus.Receiver("federal-decisions").Add(Messages.Received("""{"kind":"decision"}""", "sb-1"));
        await using var context = new TestFunctionContext(provider.CreateAsyncScope());

        await FederalDecisionFunctions.DrainFederalDecisions(new TimerInfo(), new FakeDurableTaskClient(), context, CancellationToken.None);

        Assert.Equal("malformed", Assert.Single(bus.Receiver("federal-decisions").DeadLettered).Reason);
    }

    [Fact]
    public async Task The_drain_functions_do_nothing_when_the_transport_is_Storage_queues()
    {
        await using ServiceProvider provider = Provider(new Dictionary<string, string?>());
        await using var context = new TestFunctionContext(provider.CreateAsyncScope());

        await FederalDecisionFunctions.DrainFederalDecisions(new TimerInfo(), new FakeDurableTaskClient(), context, CancellationToken.None);
        await SlaAlertFunctions.DrainSlaAlerts(new TimerInfo(), context, CancellationToken.None);

        Assert.Null(provider.GetService<ServiceBusClient>());
    }

    [Fact]
    public async Task A_malformed_message_on_the_federal_storage_queue_goes_to_the_poison_queue_with_its_reason()
    {
        var queues = new FakeQueueServiceClient();
        await using ServiceProvider provider = Provider(new Dictionary<string, string?>(), services => services.Replace(ServiceDescriptor.Singleton<QueueServiceClient>(queues)));
        await using var context = new TestFunctionContext(provider.CreateAsyncScope());
        QueueMessage message = QueuesModelFactory.QueueMessage("q-1", "pop", BinaryData.FromString("""{"kind":"decision"}"""), dequeueCount: 1);

        await FederalDecisionFunctions.FederalDecisionsFromStorageQueue(message, new FakeDurableTaskClient(), context, CancellationToken.None);

        string poisoned = Assert.Single(queues.Queue(new StorageNames((string?)null).FederalDecisionsPoisonQueue).Sent);
        PoisonedFederalMessage envelope = JsonSerializer.Deserialize<PoisonedFederalMessage>(poisoned, WorkflowJson.Options)!;
        Assert.Equal("malformed", envelope.Handling);
        Assert.Equal("q-1", envelope.OriginalMessageId);
        Assert.Equal("""{"kind":"decision"}""", envelope.Body);
    }

    [Fact]
    public async Task Purging_history_needs_a_time_and_purges_only_finished_instances_created_before_it()
    {
        var client = new FakeDurableTaskClient();
        await using ServiceProvider provider = Provider(new Dictionary<string, string?>());

        var missing = new DefaultHttpContext { RequestServices = provider };
        HttpOutcome refused = await HttpOutcome.ExecuteAsync(await OperationsFunctions.PurgeHistory(missing.Request, client, CancellationToken.None), Respond(missing));
        Assert.Equal(StatusCodes.Status400BadRequest, refused.Status);

        var http = new DefaultHttpContext { RequestServices = provider };
        http.Request.QueryString = new QueryString("?createdBefore=2026-01-01T00:00:00Z");
        HttpOutcome purged = await HttpOutcome.ExecuteAsync(await OperationsFunctions.PurgeHistory(http.Request, client, CancellationToken.None), Respond(http));

        Assert.Equal(StatusCodes.Status200OK, purged.Status);
        Assert.Equal(3, purged.Json.GetProperty("purgedInstances").GetInt32());
        PurgeInstancesFilter filter = Assert.Single(client.Purges);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), filter.CreatedTo);
        Assert.DoesNotContain(OrchestrationRuntimeStatus.Running, filter.Statuses!);
        Assert.DoesNotContain(OrchestrationRuntimeStatus.Pending, filter.Statuses!);
        Assert.DoesNotContain(OrchestrationRuntimeStatus.Suspended, filter.Statuses!);
    }

    [Fact]
    public async Task The_replay_lists_dead_letters_in_ServiceBus_mode_and_refuses_otherwise()
    {
        var bus = new FakeServiceBusClient();
        await using ServiceProvider serviceBus = Provider(ServiceBusMode, services => services.Replace(ServiceDescriptor.Singleton<ServiceBusClient>(bus)));
        bus.Receiver("federal-decisions/$DeadLetterQueue").Add(Messages.Received("{}", "sb-9", properties: new Dictionary<string, object> { ["DeadLetterReason"] = "malformed" }));
        await using var context = new TestFunctionContext(serviceBus.CreateAsyncScope());
        var http = new DefaultHttpContext { RequestServices = context.InstanceServices };
        http.Request.QueryString = new QueryString("?reason=malformed&max=5");

        HttpOutcome listed = await HttpOutcome.ExecuteAsync(await OperationsFunctions.ListDeadLetteredFederalMessages(http.Request, context, CancellationToken.None), Respond(http));

        Assert.Equal(StatusCodes.Status200OK, listed.Status);
        Assert.Equal("sb-9", listed.Json.GetProperty("messages")[0].GetProperty("messageId").GetString());

        await using ServiceProvider storage = Provider(new Dictionary<string, string?>());
        await using var storageContext = new TestFunctionContext(storage.CreateAsyncScope());
        var refusedHttp = new DefaultHttpContext { RequestServices = storage };
        HttpOutcome refused = await HttpOutcome.ExecuteAsync(
            await OperationsFunctions.ReplayDeadLetteredFederalMessages(refusedHttp.Request, storageContext, CancellationToken.None), Respond(refusedHttp));
        Assert.Equal(StatusCodes.Status409Conflict, refused.Status);
    }

    static DefaultHttpContext Respond(DefaultHttpContext http)
    {
        http.Response.Body = new MemoryStream();
        return http;
    }

    static ServiceProvider Provider(Dictionary<string, string?> settings, Action<ServiceCollection>? replace = null)
    {
        ServiceCollection services = FunctionsApp.Build(FunctionsApp.Configuration(settings));
        replace?.Invoke(services);
        return services.BuildServiceProvider();
    }
}
