using System.Collections.Concurrent;

namespace Workflow.Adapters.Queues;

/// <summary>
/// Wakes this process's idle poller of a queue when this process has just sent to that queue. An idle
/// <see cref="QueuePoller"/> backs off to one receive a second (the cost of an idle queue), so a message passed from one
/// listener of the host to the next (the federal office's hand-off, its schedule, its answer) would wait up to a second
/// at each hop; with the wake-up it is taken at once, and an idle queue still costs one receive a second. A message from
/// another process is found by the next receive, as before. Keyed by the queue's URI (account and name), so hosts with
/// other storage or another name prefix in the same process never wake each other.
/// </summary>
internal static class QueueWakeUps
{
    static readonly ConcurrentDictionary<string, TaskCompletionSource> Pending = new(StringComparer.Ordinal);

    /// <summary>A message was sent to <paramref name="queue"/>: its poller here, if idle, receives now (or on its next wait).</summary>
    public static void Nudge(Uri queue) => Pending.GetOrAdd(Key(queue), _ => New()).TrySetResult();

    /// <summary>Waits <paramref name="delay"/>, or less when <paramref name="queue"/> is nudged meanwhile (or was since the last wait).</summary>
    public static async Task DelayAsync(Uri queue, TimeSpan delay, CancellationToken cancellationToken)
    {
        string key = Key(queue);
        TaskCompletionSource nudge = Pending.GetOrAdd(key, _ => New());
        if (!nudge.Task.IsCompleted)
        {
            using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            Task delayed = Task.Delay(delay, waiting.Token);
            await Task.WhenAny(nudge.Task, delayed).ConfigureAwait(false);
            await waiting.CancelAsync().ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (nudge.Task.IsCompleted)
        {
            Pending.TryRemove(new KeyValuePair<string, TaskCompletionSource>(key, nudge)); // used: the next nudge makes a new one
        }
    }

    static TaskCompletionSource New() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    static string Key(Uri queue) => queue.AbsoluteUri.TrimEnd('/').ToUpperInvariant();
}
