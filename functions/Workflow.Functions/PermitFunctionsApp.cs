using Azure.Core;
using Azure.Core.Serialization;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Workflow.Adapters;
using Workflow.Adapters.Parties;
using Workflow.Adapters.ServiceBus;
using Workflow.Adapters.Storage;
using Workflow.Application;
using Workflow.Application.Http;
using Workflow.Application.Recognition;
using Workflow.Application.Retention;
using Workflow.Functions.Hosting;
using Workflow.Functions.Http;
using Workflow.Orchestrations.Letters;
using Workflow.Orchestrations.Serialization;
using Workflow.Orchestrations.Telemetry;

namespace Workflow.Functions;

/// <summary>
/// The composition of the Azure Functions app, kept out of Program so tests build the same container. Next to what
/// the local host registers (application services, Azure Storage adapters, letters), it pins the serializer, builds
/// identity-based Azure clients, picks the transport (<c>Messaging:Transport</c>), opts in to simulated parties only
/// by name (and refuses to start with a party unserved), and wires OpenTelemetry.
/// What it deliberately does not touch: <c>DurableTaskWorkerOptions.MaximumTimerInterval</c> (docs/design.md: changing
/// it breaks timers in flight; a test checks it keeps its default) and the task hub's versioning (docs/azure.md).
/// </summary>
public static class PermitFunctionsApp
{
    /// <summary>The one serializer of the worker: bindings, HTTP JSON and, through the Durable extension's converter,
    /// every orchestration input, output, event and custom status (docs/design.md, known difference (b)).</summary>
    public static ObjectSerializer Serializer { get; } = new JsonObjectSerializer(WorkflowJson.Options);

    public static IServiceCollection ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.Configure<WorkerOptions>(worker => worker.Serializer = Serializer);
        services.AddPermitApplication();
        services.AddSettingsValidation();
        services.AddRetention(withJob: false);
        services.AddRecognitionFollowUps(withJob: false);

        // Storage: the host's account, identity-based in Azure. One credential for every Azure client (the user-assigned
        // identity in Azure), one retry configuration (AzureClients).
        RequireNoNamePrefix(configuration);
        var storage = StorageConnection.From(configuration);
        TokenCredential credential = storage.Credential ?? AzureIdentity.CredentialFor(configuration.GetSection(ServiceBusSettings.Section));
        services.TryAddSingleton(storage);
        if (storage.IsIdentityBased)
        {
            services.AddStorageClients(storage.BlobServiceUri!, storage.TableServiceUri!, storage.QueueServiceUri!, credential);
        }
        else
        {
            services.AddStorageClients(storage.ConnectionString!);
        }

        services.AddAzureStorageAdapters(configuration);
        services.AddHostedService<StorageProvisioningService>();

        // Microsoft.Extensions.Azure forwards the SDK's event sources to logging: its per-request lines are no operator's business.
        services.AddLogging(logging => logging.AddFilter("Azure", LogLevel.Warning));

        // The outbox relay resends alerts a crash left undispatched, through whichever transport is configured.
        services.AddHostedService<OutboxRelay>();

        services.AddOptions<MessagingSettings>().Bind(configuration.GetSection(MessagingSettings.Section));
        bool serviceBus = ServiceBusServiceCollectionExtensions.Transport(configuration) == MessagingTransport.ServiceBus;
        if (serviceBus)
        {
            services.AddServiceBusMessaging(configuration, credential);
            services.UseServiceBusForFederalOfficeAndAlerts();
        }

        // Simulated parties only by name (Simulations:Enabled; none in Azure unless a demo asks), and none left unserved.
        services.AddOptedInSimulations(configuration, storageQueues: !serviceBus);
        OutsideParties.RequireEveryParty(services);

        AddTelemetry(services, configuration);
        return services;
    }

    /// <summary>The transport in force (the messaging functions of the other transport do nothing).</summary>
    public static MessagingTransport Transport(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.GetRequiredService<IOptions<MessagingSettings>>().Value.Transport;
    }

    /// <summary>
    /// OpenTelemetry from the worker (host.json sets <c>telemetryMode</c> to OpenTelemetry for the host), exported to
    /// Application Insights when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set, authenticated with Entra ID as
    /// <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c> says (<c>ClientId=...;Authorization=AAD</c>), because the
    /// component has local authentication disabled.
    /// </summary>
    static void AddTelemetry(IServiceCollection services, IConfiguration configuration)
    {
        // Our spans (every activity, tagged with the application id) and the Durable Task SDK's, and the permits meter.
        IOpenTelemetryBuilder telemetry = services.AddOpenTelemetry().UseFunctionsWorkerDefaults()
            .WithTracing(tracing => tracing.AddSource(PermitTelemetry.Name, "Microsoft.DurableTask"))
            .WithMetrics(metrics => metrics.AddMeter(PermitTelemetry.Name));
        string? connectionString = configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return;
        }

        TokenCredential? credential = AadCredential(configuration["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
        telemetry.UseAzureMonitorExporter(exporter =>
        {
            exporter.ConnectionString = connectionString;
            if (credential is not null)
            {
                exporter.Credential = credential;
            }
        });
    }

    /// <summary>The credential of an Application Insights authentication string (<c>ClientId=...;Authorization=AAD</c>).</summary>
    public static TokenCredential? AadCredential(string? authenticationString)
    {
        if (string.IsNullOrWhiteSpace(authenticationString))
        {
            return null;
        }

        Dictionary<string, string> parts = authenticationString
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.OrdinalIgnoreCase);
        if (!parts.TryGetValue("Authorization", out string? authorization) || !string.Equals(authorization, "AAD", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return parts.TryGetValue("ClientId", out string? clientId) && !string.IsNullOrWhiteSpace(clientId)
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned);
    }

    /// <summary>The queue triggers name their queues literally, so the per-test name prefix of the local host has no place here.</summary>
    static void RequireNoNamePrefix(IConfiguration configuration)
    {
        if (!string.IsNullOrEmpty(configuration[$"{StorageSettings.Section}:{nameof(StorageSettings.NamePrefix)}"]))
        {
            throw new InvalidOperationException("Storage:NamePrefix is for the local host's tests; the Functions app uses the plain resource names.");
        }
    }
}
