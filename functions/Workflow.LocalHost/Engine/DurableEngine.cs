using DurableTask.AzureStorage;
using DurableTask.Core;
using Grpc.Net.Client;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using Microsoft.DurableTask.Testing.Sidecar;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.DurableTask.Worker;
using Workflow.Orchestrations;
using Workflow.Orchestrations.Serialization;

namespace Workflow.LocalHost.Engine;

/// <summary>
/// Wires the durable engine the way the Azure Functions host does for an isolated worker: a Durable Task gRPC sidecar
/// (<see cref="TaskHubGrpcServer"/>) over an orchestration service, and the worker and client connected to it over
/// gRPC on loopback. Worker and client use the one pinned serializer (DESIGN.md §2 (b)). MaximumTimerInterval keeps its
/// default: changing it would break timers in flight.
/// </summary>
public static class DurableEngine
{
    public static WebApplicationBuilder AddDurableEngine(this WebApplicationBuilder builder, EngineSettings engine, string storageConnectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(engine);

        // The sidecar listens on a Unix domain socket of this process: no port to pick (or race for), nothing exposed on
        // the network. Engine:GrpcPort > 0 serves it on a loopback TCP port instead, for diagnostics.
        SidecarEndpoint sidecar = engine.GrpcPort > 0
            ? SidecarEndpoint.Tcp(engine.GrpcPort)
            : SidecarEndpoint.UnixSocket(Path.Combine(Path.GetTempPath(), $"permit-sidecar-{Guid.NewGuid():N}.sock"));
        builder.WebHost.ConfigureKestrel(kestrel => sidecar.Listen(kestrel));
        builder.Services.AddSingleton(_ => sidecar); // created by a factory, so the container disposes it (removing the socket)
        // No catch-all endpoints for unknown gRPC services: they would answer 404 for API paths of two segments.
        builder.Services.AddGrpc(grpc => grpc.IgnoreUnknownServices = true);

        builder.Services.AddSingleton(sp => CreateOrchestrationService(engine, storageConnectionString, sp.GetRequiredService<ILoggerFactory>()));
        builder.Services.AddSingleton<IOrchestrationService>(sp => new StopSafeOrchestrationService(sp.GetRequiredService<OrchestrationServiceHandle>().Service));
        builder.Services.AddSingleton(sp => (IOrchestrationServiceClient)sp.GetRequiredService<OrchestrationServiceHandle>().Service);
        builder.Services.AddSingleton<TaskHubGrpcServer>();

        GrpcChannel channel = sidecar.CreateChannel();
        var converter = new JsonDataConverter(WorkflowJson.Options);
        builder.Services.AddDurableTaskWorker(worker =>
        {
            worker.AddTasks(registry => registry.AddPermitTasks());
            worker.Configure(options => options.DataConverter = converter);

            // Current or older: this host finishes instances older versions started, and leaves newer ones to newer hosts.
            worker.UseVersioning(new DurableTaskWorkerOptions.VersioningOptions
            {
                Version = engine.WorkflowVersion,
                DefaultVersion = engine.WorkflowVersion,
                MatchStrategy = DurableTaskWorkerOptions.VersionMatchStrategy.CurrentOrOlder,
                FailureStrategy = DurableTaskWorkerOptions.VersionFailureStrategy.Reject,
            });
            worker.UseGrpc(channel);
        });
        builder.Services.AddDurableTaskClient(client =>
        {
            client.Configure(options => options.DataConverter = converter);
            client.UseDefaultVersion(engine.WorkflowVersion);
            client.UseGrpc(channel);
        });
        return builder;
    }

    /// <summary>Serves the sidecar and makes sure the task hub exists before anything uses it.</summary>
    public static async Task UseDurableEngineAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGrpcService<TaskHubGrpcServer>();
        await app.Services.GetRequiredService<OrchestrationServiceHandle>().Service.CreateIfNotExistsAsync();
    }

    static OrchestrationServiceHandle CreateOrchestrationService(EngineSettings engine, string connectionString, ILoggerFactory loggerFactory)
    {
        if (engine.Backend == EngineBackend.InMemory)
        {
            return new OrchestrationServiceHandle(new InMemoryOrchestrationService(loggerFactory));
        }

        var settings = new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = new StorageAccountClientProvider(connectionString),
            TaskHubName = engine.TaskHub,
            PartitionCount = engine.PartitionCount,
            WorkerId = engine.EffectiveWorkerId,
            MaxQueuePollingInterval = engine.MaxQueuePollingInterval,
            ControlQueueVisibilityTimeout = engine.ControlQueueVisibilityTimeout,
            WorkItemQueueVisibilityTimeout = engine.WorkItemQueueVisibilityTimeout,
            LeaseInterval = engine.LeaseInterval,
            LeaseRenewInterval = engine.LeaseInterval / 3,
            LeaseAcquireInterval = engine.LeaseInterval / 3,

            // Surface "already exists" to the client, as the Functions host does, instead of silently ignoring it.
            ThrowExceptionOnInvalidDedupeStatus = true,
            LoggerFactory = loggerFactory,
        };
        return new OrchestrationServiceHandle(new AzureStorageOrchestrationService(settings));
    }

    /// <summary>One instance serves as both IOrchestrationService and IOrchestrationServiceClient.</summary>
    sealed record OrchestrationServiceHandle(IOrchestrationService Service)
    {
        public IOrchestrationService Service { get; } = Service is IOrchestrationServiceClient
            ? Service
            : throw new ArgumentException("The orchestration service must also be its client.", nameof(Service));
    }
}
