using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace Workflow.FunctionalTests.Infrastructure;

/// <summary>
/// The tests' federal office (when the host's simulator is off): it takes what the platform sends on
/// <c>federal-handoff</c> and lets a test wait for the handoff or cancellation of its own application.
/// </summary>
internal sealed class FederalOfficeProbe : IAsyncDisposable
{
    readonly QueueClient queue;
    readonly ConcurrentDictionary<string, List<JsonElement>> received = new(StringComparer.Ordinal);
    readonly CancellationTokenSource stop = new();
    readonly Task loop;
    TaskCompletionSource arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public FederalOfficeProbe(StorageProbe storage)
    {
        this.queue = storage.Queue("federal-handoff");
        this.loop = Task.Run(this.ReceiveAsync);
    }

    /// <summary>Waits for the message of <paramref name="kind"/> ("handoff" or "cancellation") for an application.</summary>
    public async Task<JsonElement> WaitForAsync(string applicationId, string kind, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            Task next = this.arrived.Task;
            if (this.Find(applicationId, kind) is JsonElement message)
            {
                return message;
            }

            try
            {
                await next.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No {kind} for {applicationId} reached the federal office within {timeout.TotalSeconds:0} s.");
            }
        }
    }

    public IReadOnlyList<JsonElement> MessagesFor(string applicationId) =>
        this.received.TryGetValue(applicationId, out List<JsonElement>? list) ? [.. list] : [];

    public async ValueTask DisposeAsync()
    {
        await this.stop.CancelAsync();
        try
        {
            await this.loop;
        }
        catch (OperationCanceledException)
        {
        }

        this.stop.Dispose();
    }

    JsonElement? Find(string applicationId, string kind)
    {
        if (this.received.TryGetValue(applicationId, out List<JsonElement>? list))
        {
            lock (list)
            {
                foreach (JsonElement message in list)
                {
                    if (message.GetProperty("kind").GetString() == kind)
                    {
                        return message;
                    }
                }
            }
        }

        return null;
    }

    async Task ReceiveAsync()
    {
        while (!this.stop.IsCancellationRequested)
        {
            QueueMessage[] messages;
            try
            {
                messages = (await this.queue.ReceiveMessagesAsync(maxMessages: 32, visibilityTimeout: TimeSpan.FromSeconds(30), this.stop.Token)).Value;
            }
            catch (Azure.RequestFailedException e) when (e.Status == 404)
            {
                messages = [];
            }

            foreach (QueueMessage message in messages)
            {
                JsonElement body = JsonDocument.Parse(Encoding.UTF8.GetString(message.Body.ToArray())).RootElement.Clone();
                string applicationId = body.GetProperty("applicationId").GetString()!;
                List<JsonElement> list = this.received.GetOrAdd(applicationId, _ => []);
                lock (list)
                {
                    list.Add(body);
                }

                await this.queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, this.stop.Token);
            }

            if (messages.Length > 0)
            {
                Interlocked.Exchange(ref this.arrived, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
            }
            else
            {
                await Task.Delay(200, this.stop.Token); // the queue's polling interval
            }
        }
    }
}
