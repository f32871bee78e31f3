using Azure.Core;
using Azure.Core.Extensions;
using Azure.Messaging.ServiceBus;
using Azure.Storage.Queues;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Workflow.Adapters.Queues;
using Workflow.Orchestrations.Ports;

namespace Workflow.Adapters.ServiceBus;

/// <summary>Wires the Service Bus transport into a host, on top of the Azure Storage adapters.</summary>
public static class ServiceBusServiceCollectionExtensions
{
    /// <summary>The transport configured under "Messaging:Transport" (StorageQueues when absent).</summary>
    public static MessagingTransport Transport(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.GetSection(MessagingSettings.Section).Get<MessagingSettings>()?.Transport ?? MessagingTransport.StorageQueues;
    }

    /// <summary>
    /// Binds "Messaging" and "ServiceBus", and registers the <see cref="ServiceBusClient"/> (identity-based, or the
    /// emulator's connection string), the drains and the dead-letter replay. The ports are switched over by
    /// <see cref="UseServiceBusForFederalOfficeAndAlerts"/>.
    /// </summary>
    /// <param name="credential">The host's one credential (shared with its storage clients); without one, the section's (<see cref="AzureIdentity"/>).</param>
    public static IServiceCollection AddServiceBusMessaging(this IServiceCollection services, IConfiguration configuration, TokenCredential? credential = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<MessagingSettings>().Bind(configuration.GetSection(MessagingSettings.Section));
        services.AddOptions<ServiceBusSettings>().Bind(configuration.GetSection(ServiceBusSettings.Section)).Validate(
            settings =>
            {
                settings.Validate();
                return true;
            });
        services.TryAddSingleton(TimeProvider.System);
        AddClient(services, configuration.GetSection(ServiceBusSettings.Section), credential);
        services.TryAddSingleton<FederalDecisionsDrain>();
        services.TryAddSingleton<SlaAlertsDrain>();
        services.TryAddSingleton<DeadLetterReplay>();
        services.TryAddSingleton<ServiceBusAlertDispatcher>();
        return services;
    }

    /// <summary>
    /// Replaces the Storage-queue federal gateway with <see cref="ServiceBusFederalOfficeGateway"/> and the alert
    /// outbox's dispatch with <see cref="ServiceBusAlertDispatcher"/> (topic <c>sla-alerts</c>, message id = the
    /// idempotency key). The outbox itself stays in Table storage, the record of truth. Call after AddAzureStorageAdapters.
    /// </summary>
    public static IServiceCollection UseServiceBusForFederalOfficeAndAlerts(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.RemoveAll<IFederalOfficeGateway>();
        services.AddSingleton<IFederalOfficeGateway, ServiceBusFederalOfficeGateway>();
        services.RemoveAll<IAlertDispatcher>();
        services.AddSingleton<IAlertDispatcher>(sp => sp.GetRequiredService<ServiceBusAlertDispatcher>());
        return services;
    }

    /// <summary>
    /// The <see cref="ServiceBusClient"/> through Microsoft.Extensions.Azure: identity-based on the namespace with the
    /// host's credential, or the emulator's connection string; the retry numbers of every other Azure client
    /// (<see cref="AzureClients"/>). Settings are checked here, when the host is composed.
    /// </summary>
    static void AddClient(IServiceCollection services, IConfigurationSection section, TokenCredential? credential)
    {
        ServiceBusSettings settings = section.Get<ServiceBusSettings>() ?? new ServiceBusSettings();
        settings.Validate();
        services.AddAzureClients(clients =>
        {
            IAzureClientBuilder<ServiceBusClient, ServiceBusClientOptions> client = string.IsNullOrWhiteSpace(settings.ConnectionString)
                ? clients.AddServiceBusClientWithNamespace(settings.FullyQualifiedNamespace).WithCredential(credential ?? AzureIdentity.CredentialFor(section))
                : clients.AddServiceBusClient(settings.ConnectionString);
            client.ConfigureOptions(options =>
            {
                options.TransportType = ServiceBusTransportType.AmqpTcp;
                options.RetryOptions = new ServiceBusRetryOptions
                {
                    Mode = ServiceBusRetryMode.Exponential,
                    MaxRetries = AzureClients.MaxRetries,
                    Delay = AzureClients.RetryDelay,
                    MaxDelay = AzureClients.MaxRetryDelay,
                    TryTimeout = TimeSpan.FromSeconds(30),
                };
            });
        });
    }
}
