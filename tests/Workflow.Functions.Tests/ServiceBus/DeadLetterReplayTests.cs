using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Logging.Abstractions;
using Workflow.Adapters.ServiceBus;
using Workflow.Functions.Tests.Support;

namespace Workflow.Functions.Tests.ServiceBus;

/// <summary>
/// The runbook's replay of dead-lettered federal callbacks (<c>federal-decisions/$DeadLetterQueue</c> back to
/// <c>federal-decisions</c>). Service Bus is faked with the SDK's model factory and mockable clients (no broker runs here).
/// </summary>
public sealed class DeadLetterReplayTests
{
    readonly FakeServiceBusClient bus = new();

    FakeReceiver DeadLetters => this.bus.Receiver("federal-decisions/$DeadLetterQueue");

    FakeSender Queue => this.bus.Sender("federal-decisions");

    DeadLetterReplay Replay() => new(this.bus, TestSettings.ServiceBus(), TimeProvider.System, NullLogger<DeadLetterReplay>.Instance);

    static ServiceBusReceivedMessage Dead(string id, string reason) => Messages.Received(
        """{"messageId":"dvz-1"}""",
        id,
        deliveryCount: 1,
        properties: new Dictionary<string, object> { ["DeadLetterReason"] = reason, ["DeadLetterErrorDescription"] = "why", ["kind"] = "decision" },
        correlationId: "corr-1");

    [Fact]
    public async Task Replayed_messages_go_back_under_a_new_message_id_without_the_dead_letter_marks()
    {
        ServiceBusReceivedMessage dead = Dead("sb-1", "unknown-application");
        this.DeadLetters.Add(dead);

        ReplayReport report = await this.Replay().RunAsync(new ReplayRequest(null, 10, DryRun: false), CancellationToken.None);

        ServiceBusMessage sent = Assert.Single(this.Queue.Sent);
        Assert.Equal($"sb-1-replay-{dead.SequenceNumber}", sent.MessageId);
        Assert.Equal(dead.Body.ToString(), sent.Body.ToString());
        Assert.Equal("corr-1", sent.CorrelationId);
        Assert.Equal("sb-1", sent.ApplicationProperties["replayOf"]);
        Assert.Equal("decision", sent.ApplicationProperties["kind"]);
        Assert.False(sent.ApplicationProperties.ContainsKey("DeadLetterReason"));
        Assert.False(sent.ApplicationProperties.ContainsKey("DeadLetterErrorDescription"));
        Assert.Equal([dead], this.DeadLetters.Completed);
        Assert.Equal(1, report.Replayed);
        Assert.Equal(sent.MessageId, Assert.Single(report.Messages).ReplayedAs);
    }

    [Fact]
    public async Task A_reason_filter_replays_only_matching_messages_and_releases_the_others()
    {
        ServiceBusReceivedMessage unknown = Dead("sb-2", "unknown-application");
        ServiceBusReceivedMessage malformed = Dead("sb-3", "malformed");
        this.DeadLetters.Add(malformed, unknown);

        ReplayReport report = await this.Replay().RunAsync(new ReplayRequest("unknown-application", 10, DryRun: false), CancellationToken.None);

        Assert.Equal(1, report.Replayed);
        Assert.Equal([unknown], this.DeadLetters.Completed);
        Assert.Equal([malformed], this.DeadLetters.Abandoned);
    }

    [Fact]
    public async Task A_dry_run_lists_and_moves_nothing()
    {
        this.DeadLetters.Add(Dead("sb-4", "malformed"));

        ReplayReport report = await this.Replay().RunAsync(new ReplayRequest(null, 10, DryRun: true), CancellationToken.None);

        DeadLetteredMessage listed = Assert.Single(report.Messages);
        Assert.Equal("malformed", listed.DeadLetterReason);
        Assert.Equal("why", listed.DeadLetterErrorDescription);
        Assert.NotNull(listed.Body);
        Assert.Empty(this.Queue.Sent);
        Assert.Empty(this.DeadLetters.Completed);
    }

    [Fact]
    public async Task At_most_max_messages_are_replayed()
    {
        for (int i = 0; i < 5; i++)
        {
            this.DeadLetters.Add(Dead($"sb-max-{i}", "unknown-application"));
        }

        ReplayReport report = await this.Replay().RunAsync(new ReplayRequest(null, 3, DryRun: false), CancellationToken.None);

        Assert.Equal(3, report.Replayed);
        Assert.Equal(3, this.Queue.Sent.Count);
    }
}
