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
/// (<see cref="TaskHubGrpcServer"/>, served by <see cref="SidecarServer"/>) over an orchestration service, and the
/// worker and client connected to it over gRPC on a private socket. Worker and client use the one pinned serializer
/// (docs/design.md, known difference (b) between the hosts). MaximumTimerInterval keeps its default: changing it would
/// break timers in flight.
/// </summary>
public static class DurableEngine
{
    public static WebApplicationBuilder AddDurableEngine(this WebApplicationBuilder builder, EngineSettings engine, string storageConnectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(engine);

        // The sidecar runs on a server of its own (SidecarServer), on a Unix socket in a folder only this user may
        // enter: no port to pick (or race for), nothing reachable from the network or by other local users. A loopback
        // TCP port (Engine:GrpcPort, for diagnostics) lets every local user in, so it must be asked for explicitly.
        SidecarEndpoint sidecar = engine.GrpcPort == 0 ? SidecarEndpoint.PrivateUnixSocket() : SidecarEndpoint.LoopbackTcp(RequireAllowedTcpPort(engine));
        builder.Services.AddSingleton(sidecar);
        builder.Services.AddHostedService<SidecarServer>(); // before the worker: it listens before the worker connects

        builder.Services.AddSingleton(sp => CreateOrchestrationService(engine, storageConnectionString, sp.GetRequiredService<ILoggerFactory>()));
        builder.Services.AddSingleton<IOrchestrationService>(sp => sp.GetServices<OrchestrationServiceDecorator>().Aggregate(
            (IOrchestrationService)new RedeliveredMessageFilter(
                new StopSafeOrchestrationService(sp.GetRequiredService<OrchestrationServiceHandle>().Service),
                sp.GetRequiredService<ILogger<RedeliveredMessageFilter>>()),
            (service, decorator) => decorator.Decorate(service)));
        builder.Services.AddSingleton(sp => (IOrchestrationServiceClient)sp.GetRequiredService<OrchestrationServiceHandle>().Service);

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

    /// <summary>Makes sure the task hub exists before anything uses it. The sidecar is served by <see cref="SidecarServer"/>, never on the API's server.</summary>
    public static async Task UseDurableEngineAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await app.Services.GetRequiredService<OrchestrationServiceHandle>().Service.CreateIfNotExistsAsync();
    }

    /// <summary>The TCP port of the sidecar, if the settings allow one; refuses to start otherwise.</summary>
    static int RequireAllowedTcpPort(EngineSettings engine)
    {
        if (engine.GrpcPort is < 0 or > System.Net.IPEndPoint.MaxPort)
        {
            throw new InvalidOperationException($"{EngineSettings.Section}:{nameof(EngineSettings.GrpcPort)} must be 0 (a private Unix socket) or a TCP port (1 to 65535); it is {engine.GrpcPort}.");
        }

        return engine.AllowTcpSidecar
            ? engine.GrpcPort
            : throw new InvalidOperationException(
                $"{EngineSettings.Section}:{nameof(EngineSettings.GrpcPort)}={engine.GrpcPort} would serve the durable engine on a loopback TCP port, where every " +
                $"local user can drive it without a credential. Set {EngineSettings.Section}:{nameof(EngineSettings.AllowTcpSidecar)}=true to accept that " +
                $"(diagnostics on a single-user machine), or leave {EngineSettings.Section}:{nameof(EngineSettings.GrpcPort)} at 0 for the private Unix socket.");
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
            MaxConcurrentTaskActivityWorkItems = engine.EffectiveMaxConcurrentActivities,
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
