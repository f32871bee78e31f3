using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Ports;

namespace Workflow.Adapters.ServiceBus;

/// <summary>
/// Sends handoffs and cancellations to the federal office on queue <c>federal-handoff</c>. The message id is the
/// outbound message's own id (its idempotency key): a retried activity sends the same id again, and the queue's
/// duplicate detection drops it; the federal side de-duplicates on it after the detection window. The correlation id
/// and the ids in the application properties let the federal side route without reading the body; none is personal data.
/// </summary>
public sealed partial class ServiceBusFederalOfficeGateway : IFederalOfficeGateway, IAsyncDisposable
{
    readonly ServiceBusSender sender;
    readonly ILogger<ServiceBusFederalOfficeGateway> logger;

    public ServiceBusFederalOfficeGateway(ServiceBusClient client, IOptions<ServiceBusSettings> settings, ILogger<ServiceBusFederalOfficeGateway> logger)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(settings);
        this.sender = client.CreateSender(settings.Value.FederalHandoffQueue);
        this.logger = logger;
    }

    public async Task SendAsync(FederalOutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ServiceBusMessage outgoing = ServiceBusMessages.Json(message, message.MessageId);
        outgoing.Subject = Codes.Of(message.Kind);
        outgoing.CorrelationId = message.CorrelationId;
        outgoing.ApplicationProperties["applicationId"] = message.ApplicationId;
        outgoing.ApplicationProperties["handoffId"] = message.HandoffId;
        outgoing.ApplicationProperties["kind"] = Codes.Of(message.Kind);
        await this.sender.SendMessageAsync(outgoing, cancellationToken);
        LogSent(this.logger, message.Kind, message.MessageId, message.ApplicationId);
    }

    public ValueTask DisposeAsync() => this.sender.DisposeAsync();

    [LoggerMessage(Level = LogLevel.Information, Message = "Federal {Kind} {MessageId} for {ApplicationId} sent to Service Bus")]
    static partial void LogSent(ILogger logger, FederalOutboundKind kind, string messageId, string applicationId);
}
