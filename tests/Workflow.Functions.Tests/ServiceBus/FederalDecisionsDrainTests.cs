using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Workflow.Adapters.ServiceBus;
using Workflow.Application;
using Workflow.Application.Commands;
using Workflow.Application.Federal;
using Workflow.Application.Withdrawals;
using Workflow.Functions.Tests.Support;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Policy;

namespace Workflow.Functions.Tests.ServiceBus;

/// <summary>
/// The drain of queue <c>federal-decisions</c>: peek-lock, settled by what <see cref="FederalMessageHandler"/> says.
/// Service Bus is faked with the SDK's model factory and mockable receiver (no broker runs on these machines); the real
/// handler runs over in-memory ports and a fake durable client.
/// </summary>
public sealed class FederalDecisionsDrainTests
{
    readonly FakeServiceBusClient bus = new();
    readonly FakeDurableTaskClient durable = new();
    readonly InMemoryCaseIndex caseIndex = new();
    readonly InMemoryAuditLog auditLog = new();
    readonly InMemoryCommandLedger commands = new();
    readonly InMemorySubmissionLedger submissions = new();

    FakeReceiver Queue => this.bus.Receiver("federal-decisions");

    FederalDecisionsDrain Drain(int batchSize = 32) =>
        new(this.bus, TestSettings.ServiceBus(batchSize), NullLogger<FederalDecisionsDrain>.Instance);

    FederalMessageHandler Handler() =>
        new(
            new CommandGate(
                this.commands, this.caseIndex, this.submissions, new DurableWorkflowEvents(this.durable), this.auditLog,
                PolicyCatalog.Embedded, Options.Create(new WorkflowSettings()), TimeProvider.System),
            new WithdrawalAcknowledgements(new InMemoryWithdrawals(), this.auditLog, TimeProvider.System),
            NullLogger<FederalMessageHandler>.Instance);

    static string Decision(string applicationId) =>
        $$"""{"messageId":"dvz-7","kind":"decision","applicationId":"{{applicationId}}","handoffId":"{{applicationId}}-h1","decision":"approved","reasonCodes":[]}""";

    [Fact]
    public async Task Delivered_late_and_repeated_messages_are_completed_and_one_still_registering_is_abandoned_to_come_back()
    {
        ServiceBusReceivedMessage delivered = Messages.Received("{}", "sb-1");
        ServiceBusReceivedMessage late = Messages.Received("{}", "sb-2");
        ServiceBusReceivedMessage repeated = Messages.Received("{}", "sb-3");
        ServiceBusReceivedMessage registering = Messages.Received("{}", "sb-4");
        this.Queue.Add(delivered, late, repeated, registering);
        var handling = new Queue<FederalHandling>([FederalHandling.Delivered, FederalHandling.RecordedLate, FederalHandling.Duplicate, FederalHandling.Registering]);

        DrainReport report = await this.Drain().DrainAsync(
            (_, _) => Task.FromResult(new FederalHandlingResult(handling.Dequeue(), "ok")),
            CancellationToken.None);

        Assert.Equal([delivered, late, repeated], this.Queue.Completed);
        Assert.Equal([registering], this.Queue.Abandoned);
        Assert.Empty(this.Queue.DeadLettered);
        Assert.Equal(new DrainReport(4, 3, 0, 1), report);
    }

    [Fact]
    public async Task A_malformed_message_is_dead_lettered_with_reason_and_description()
    {
        ServiceBusReceivedMessage message = Messages.Received("""{"messageId":"dvz-1","kind":"verdict"}""", "sb-3");
        this.Queue.Add(message);

        DrainReport report = await this.Drain().DrainAsync(this.Handler(), CancellationToken.None);

        var dead = Assert.Single(this.Queue.DeadLettered);
        Assert.Same(message, dead.Message);
        Assert.Equal("malformed", dead.Reason);
        Assert.StartsWith("not a federal message", dead.Description, StringComparison.Ordinal);
        Assert.Empty(this.Queue.Completed);
        Assert.Empty(this.durable.Raised);
        Assert.Equal(new DrainReport(1, 0, 1, 0), report);
    }

    [Fact]
    public async Task A_message_for_an_unknown_application_is_dead_lettered_with_reason_and_description()
    {
        string id = ApplicationIds.Derive("0412345614", "UNKNOWN");
        this.Queue.Add(Messages.Received(Decision(id), "sb-4"));

        await this.Drain().DrainAsync(this.Handler(), CancellationToken.None);

        var dead = Assert.Single(this.Queue.DeadLettered);
        Assert.Equal("unknown-application", dead.Reason);
        Assert.Equal($"No application {id} is known.", dead.Description);
        Assert.Empty(this.durable.Raised);
    }

    [Fact]
    public async Task A_handler_that_throws_has_its_message_abandoned_so_it_comes_back_until_the_max_delivery_count()
    {
        this.caseIndex.Failure = new InvalidOperationException("storage down");
        ServiceBusReceivedMessage message = Messages.Received(Decision(ApplicationIds.Derive("0412345614", "SUB-1")), "sb-5", deliveryCount: 2);
        this.Queue.Add(message);

        DrainReport report = await this.Drain().DrainAsync(this.Handler(), CancellationToken.None);

        Assert.Equal([message], this.Queue.Abandoned);
        Assert.Empty(this.Queue.Completed);
        Assert.Empty(this.Queue.DeadLettered);
        Assert.Equal(new DrainReport(1, 0, 0, 1), report);
    }

    [Fact]
    public async Task It_receives_bounded_peek_lock_batches_until_the_queue_is_empty()
    {
        for (int i = 0; i < 5; i++)
        {
            this.Queue.Add(Messages.Received("{}", $"sb-batch-{i}"));
        }

        DrainReport report = await this.Drain(batchSize: 2).DrainAsync(
            (_, _) => Task.FromResult(new FederalHandlingResult(FederalHandling.Delivered, "ok")), CancellationToken.None);

        Assert.Equal(5, report.Completed);
        Assert.Equal([2, 2, 2, 2], this.Queue.Receives.Select(r => r.MaxMessages));
        Assert.Equal(ServiceBusReceiveMode.PeekLock, this.Queue.ReceiveMode);
    }

    [Fact]
    public async Task A_long_dead_letter_description_is_cut()
    {
        this.Queue.Add(Messages.Received("{}", "sb-6"));

        await this.Drain().DrainAsync(
            (_, _) => Task.FromResult(new FederalHandlingResult(FederalHandling.Malformed, new string('r', 5000))), CancellationToken.None);

        Assert.Equal(1024, Assert.Single(this.Queue.DeadLettered).Description!.Length);
    }
}
