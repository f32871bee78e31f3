using Azure.Storage.Queues;
using Microsoft.Extensions.Logging;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Ports;

namespace Workflow.Adapters.Queues;

/// <summary>
/// Sends handoffs and cancellations to the federal office as JSON on queue <c>federal-handoff</c>. At least once: a
/// retried activity may send a message twice, with the same message id, and the federal side de-duplicates on it.
/// </summary>
public sealed partial class QueueFederalOfficeGateway(QueueServiceClient queues, StorageNames names, ILogger<QueueFederalOfficeGateway> logger)
    : IFederalOfficeGateway
{
    readonly QueueClient queue = queues.GetQueueClient(names.FederalHandoffQueue);

    public async Task SendAsync(FederalOutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await this.queue.SendJsonAsync(message, cancellationToken);
        LogSent(logger, message.MessageId, message.ApplicationId, message.Kind);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Federal {Kind} {MessageId} for {ApplicationId} sent")]
    static partial void LogSent(ILogger logger, string messageId, string applicationId, FederalOutboundKind kind);
}
