namespace Workflow.Adapters.ServiceBus;

/// <summary>Which broker carries the federal handoff, the federal decisions and the SLA alerts.</summary>
public enum MessagingTransport
{
    /// <summary>Azure Storage queues (Azurite locally): <c>federal-handoff</c>, <c>federal-decisions</c>, <c>sla-alerts</c>.</summary>
    StorageQueues,

    /// <summary>
    /// Azure Service Bus: queues <c>federal-handoff</c> and <c>federal-decisions</c>, topic <c>sla-alerts</c> with its
    /// <c>managers</c> subscription. The choice in Azure.
    /// </summary>
    ServiceBus,
}

/// <summary>Section "Messaging": <c>Messaging:Transport</c> = <c>StorageQueues</c> (default, local) or <c>ServiceBus</c>.</summary>
public sealed class MessagingSettings
{
    public const string Section = "Messaging";

    public MessagingTransport Transport { get; set; } = MessagingTransport.StorageQueues;
}
