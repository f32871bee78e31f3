using Azure.Messaging.ServiceBus;
using Azure.Storage.Queues;
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
    public static IServiceCollection AddServiceBusMessaging(this IServiceCollection services, IConfiguration configuration)
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
        services.TryAddSingleton(sp => CreateClient(sp.GetRequiredService<IOptions<ServiceBusSettings>>().Value, configuration.GetSection(ServiceBusSettings.Section)));
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

    static ServiceBusClient CreateClient(ServiceBusSettings settings, IConfigurationSection section)
    {
        settings.Validate();
        var options = new ServiceBusClientOptions
        {
            TransportType = ServiceBusTransportType.AmqpTcp,
            RetryOptions = new ServiceBusRetryOptions
            {
                Mode = ServiceBusRetryMode.Exponential,
                MaxRetries = 3,
                Delay = TimeSpan.FromMilliseconds(200),
                MaxDelay = TimeSpan.FromSeconds(5),
                TryTimeout = TimeSpan.FromSeconds(30),
            },
        };
        return string.IsNullOrWhiteSpace(settings.ConnectionString)
            ? new ServiceBusClient(settings.FullyQualifiedNamespace, AzureIdentity.CredentialFor(section), options)
            : new ServiceBusClient(settings.ConnectionString, options);
    }
}
