using Workflow.Adapters.Queues;

namespace Workflow.UnitTests.Queues;

/// <summary>
/// An idle poller's wait ends when this process sends to its queue, and only its queue: the federal office's hand-off,
/// schedule and answer pass from listener to listener without a second's backoff at each hop.
/// </summary>
public sealed class QueueWakeUpsTests
{
    static readonly TimeSpan Long = TimeSpan.FromMinutes(5);
    static readonly TimeSpan Guard = TimeSpan.FromSeconds(30); // only a bound for a broken wake-up; the waits end at once

    static Uri Queue(string name) => new($"http://127.0.0.1:10001/devstoreaccount1/{name}-{Guid.NewGuid():N}");

    [Fact]
    public async Task A_send_wakes_the_idle_poller_of_its_queue_and_not_another()
    {
        Uri handoff = Queue("federal-handoff"), decisions = Queue("federal-decisions");
        Task waitingForHandoff = QueueWakeUps.DelayAsync(handoff, Long, CancellationToken.None);
        Task waitingForDecisions = QueueWakeUps.DelayAsync(decisions, Long, CancellationToken.None);

        QueueWakeUps.Nudge(handoff);

        await waitingForHandoff.WaitAsync(Guard);
        Assert.False(waitingForDecisions.IsCompleted);
        QueueWakeUps.Nudge(decisions);
        await waitingForDecisions.WaitAsync(Guard);
    }

    [Fact]
    public async Task A_send_between_two_waits_ends_the_next_wait_at_once_and_only_that_one()
    {
        Uri queue = Queue("federal-office-schedule");
        QueueWakeUps.Nudge(queue); // the message came while the poller was receiving, not waiting

        await QueueWakeUps.DelayAsync(queue, Long, CancellationToken.None).WaitAsync(Guard);

        using var stop = new CancellationTokenSource();
        Task next = QueueWakeUps.DelayAsync(queue, Long, stop.Token);
        Assert.False(next.IsCompleted); // the nudge was used up
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next.WaitAsync(Guard));
    }

    [Fact]
    public async Task The_same_queue_named_in_another_case_is_the_same_queue()
    {
        Uri queue = Queue("sla-alerts");
        Task waiting = QueueWakeUps.DelayAsync(queue, Long, CancellationToken.None);

        QueueWakeUps.Nudge(new Uri(queue.AbsoluteUri.ToUpperInvariant() + "/"));

        await waiting.WaitAsync(Guard);
    }
}
