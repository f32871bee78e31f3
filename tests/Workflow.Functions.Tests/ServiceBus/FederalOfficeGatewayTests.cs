using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Workflow.Adapters.ServiceBus;
using Workflow.Functions.Tests.Support;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Serialization;

namespace Workflow.Functions.Tests.ServiceBus;

/// <summary>
/// The handoff and cancellation sender on queue <c>federal-handoff</c>. Service Bus is faked with the SDK's mockable
/// clients (no broker runs on these machines): these tests check what would be sent.
/// </summary>
public sealed class FederalOfficeGatewayTests
{
    [Theory]
    [InlineData(FederalOutboundKind.Handoff, "handoff")]
    [InlineData(FederalOutboundKind.Cancellation, "cancellation")]
    public async Task The_message_id_is_the_outbound_messages_idempotency_key(FederalOutboundKind kind, string subject)
    {
        var client = new FakeServiceBusClient();
        var gateway = new ServiceBusFederalOfficeGateway(client, TestSettings.ServiceBus(), NullLogger<ServiceBusFederalOfficeGateway>.Instance);
        var message = new FederalOutboundMessage(
            $"wp-abc-h1-{subject}", kind, "wp-abc", "wp-abc-h1", "wp-abc", PermitCategory.MediumSkilledShortage, new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));

        await gateway.SendAsync(message, CancellationToken.None);
        await gateway.SendAsync(message, CancellationToken.None); // a retried activity: the same id, dropped by duplicate detection

        Assert.Equal(2, client.Sender("federal-handoff").Sent.Count);
        Assert.All(client.Sender("federal-handoff").Sent, sent =>
        {
            Assert.Equal(message.MessageId, sent.MessageId);
            Assert.Equal("application/json", sent.ContentType);
            Assert.Equal(subject, sent.Subject);
            Assert.Equal(message.CorrelationId, sent.CorrelationId);
            Assert.Equal(message.ApplicationId, sent.ApplicationProperties["applicationId"]);
            Assert.Equal(message.HandoffId, sent.ApplicationProperties["handoffId"]);
            Assert.Equal(JsonSerializer.Serialize(message, WorkflowJson.Options), sent.Body.ToString());
        });
    }
}
