namespace Workflow.Adapters.ServiceBus;

/// <summary>
/// Section "ServiceBus", named like an Azure Functions identity-based connection so the same keys serve both:
/// <c>ServiceBus__fullyQualifiedNamespace</c> (<c>sb-xyz.servicebus.windows.net</c>), <c>ServiceBus__credential</c>
/// (<c>managedidentity</c> in Azure) and <c>ServiceBus__clientId</c> (the user-assigned identity's client id).
/// <c>ServiceBus__connectionString</c> is for the Service Bus emulator only: Azure namespaces have local
/// (shared-key) auth disabled. Entity names default to the ones infra/ provisions.
/// </summary>
public sealed class ServiceBusSettings
{
    public const string Section = "ServiceBus";

    public string? FullyQualifiedNamespace { get; set; }

    /// <summary>For the emulator only; when set, it wins over <see cref="FullyQualifiedNamespace"/>.</summary>
    public string? ConnectionString { get; set; }

    public string FederalHandoffQueue { get; set; } = "federal-handoff";

    public string FederalDecisionsQueue { get; set; } = "federal-decisions";

    public string SlaAlertsTopic { get; set; } = "sla-alerts";

    /// <summary>The subscription of topic <c>sla-alerts</c> whose alerts land in the managers' inbox (<c>GET /api/alerts</c>).</summary>
    public string ManagersSubscription { get; set; } = "managers";

    /// <summary>Messages received per batch by a drain.</summary>
    public int DrainBatchSize { get; set; } = 32;

    /// <summary>How long one receive call of a drain waits for the first message of a batch.</summary>
    public TimeSpan DrainReceiveWait { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long one drain run keeps receiving while there are messages. It stays well under the queue's lock
    /// duration (1 minute in infra/) and under the timer period, so runs never overlap and no lock expires.
    /// </summary>
    public TimeSpan DrainBudget { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>Throws when the settings cannot connect to anything.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(this.ConnectionString) && string.IsNullOrWhiteSpace(this.FullyQualifiedNamespace))
        {
            throw new InvalidOperationException(
                "Messaging:Transport is ServiceBus but neither ServiceBus:fullyQualifiedNamespace nor ServiceBus:connectionString is set.");
        }

        if (this.DrainBatchSize is < 1 or > 100)
        {
            throw new InvalidOperationException("ServiceBus:DrainBatchSize must be between 1 and 100.");
        }
    }
}
