using System.Collections.Concurrent;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Workflow.Adapters.Queues;
using Workflow.FunctionalTests.Infrastructure;
using Workflow.LocalHost;

namespace Workflow.FunctionalTests.Queues;

/// <summary>
/// The receive loop the listeners share, on a real queue (Azurite): a listener that handles one application's messages
/// in turn and the applications at once (the federal decisions) keeps each application's order, and no application
/// waits behind another's.
/// </summary>
public sealed class QueuePollerTests
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task One_applications_messages_are_handled_in_turn_and_the_applications_at_once()
    {
        AzuriteServer azurite = await TestAzurite.GetAsync();
        var queue = new QueueClient(azurite.ConnectionString, "poller-" + Guid.NewGuid().ToString("N")[..12], new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        await queue.CreateAsync();
        foreach (string body in new[] { "A:1", "A:2", "B:1", "A:3" })
        {
            await queue.SendMessageAsync(body);
        }

        var handled = new ConcurrentQueue<string>();
        var otherHandled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = new CancellationTokenSource();
        Task poller = QueuePoller.RunAsync(
            queue,
            async (message, cancellationToken) =>
            {
                string body = message.Body.ToString();
                if (body == "A:1")
                {
                    // Only done when B's message does not wait for A's: in turn, this wait would time out and A:1 be left.
                    await otherHandled.Task.WaitAsync(Patience, cancellationToken);
                }

                handled.Enqueue(body);
                if (body == "B:1")
                {
                    otherHandled.TrySetResult();
                }

                await QueuePoller.DeleteAsync(queue, message, cancellationToken);
            },
            NullLogger.Instance,
            stop.Token,
            inTurnBy: message => message.Body.ToString().Split(':')[0]);

        await Eventually.HoldsAsync(() => Task.FromResult(handled.Count == 4), Patience, "the four messages to be handled");
        await stop.CancelAsync();
        await poller;

        Assert.Equal(["B:1", "A:1", "A:2", "A:3"], handled);
        Assert.Empty((await queue.PeekMessagesAsync(32)).Value);
    }

    [Theory]
    [InlineData("""{"messageId":"m-1","kind":"decision","applicationId":"wp-abc"}""", "wp-abc")]
    [InlineData("""{"messageId":"m-1","kind":"decision"}""", "")]
    [InlineData("""{"applicationId":42}""", "")]
    [InlineData("""["wp-abc"]""", "")]
    [InlineData("not json", "")]
    public void A_federal_message_is_handled_in_the_turn_of_its_application_and_an_unreadable_one_in_a_shared_turn(string body, string turn)
    {
        QueueMessage message = QueuesModelFactory.QueueMessage("q-1", "pop", BinaryData.FromString(body), dequeueCount: 1);
        Assert.Equal(turn, FederalDecisionsListener.ApplicationOf(message));
    }
}
