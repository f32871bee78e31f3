using DurableTask.Core;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.Extensions.Options;

namespace Workflow.LocalHost.Engine;

/// <summary>
/// The Durable Task sidecar (<see cref="TaskHubGrpcServer"/>) on a Kestrel server of its own, inside this process,
/// listening only on the <see cref="SidecarEndpoint"/>. A server of its own, because the gRPC routes must not exist on
/// the public API port: there the engine would answer anybody who posts to <c>/TaskHubSidecarService/...</c>. It serves
/// the host's orchestration service instance and writes to the host's loggers.
/// </summary>
/// <remarks>
/// Registered as a hosted service before the worker and the rest, so it listens before they connect and stops after
/// the worker has hung up; the API's server starts after every hosted service and stops before them.
/// </remarks>
internal sealed class SidecarServer(
    SidecarEndpoint endpoint,
    IOrchestrationService orchestrationService,
    IOrchestrationServiceClient orchestrationClient,
    ILoggerFactory loggerFactory,
    IOptions<HostOptions> hostOptions) : IHostedService, IAsyncDisposable
{
    WebApplication? app;

    /// <summary>The addresses the sidecar listens on, once started.</summary>
    public IReadOnlyCollection<string> Addresses =>
        this.app?.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToArray() ?? [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        endpoint.Open();

        // The empty builder reads no configuration (no URLs, no Kestrel section): the endpoint is the only listener.
        WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(SidecarServer).Assembly.GetName().Name });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(endpoint.Listen);
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddSingleton(orchestrationService);
        builder.Services.AddSingleton(orchestrationClient);
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = hostOptions.Value.ShutdownTimeout);
        builder.Services.AddGrpc();
        builder.Services.AddSingleton<TaskHubGrpcServer>();

        WebApplication sidecar = builder.Build();
        sidecar.MapGrpcService<TaskHubGrpcServer>();
        this.app = sidecar;
        await sidecar.StartAsync(cancellationToken);
        endpoint.RestrictSocket();
    }

    /// <summary>
    /// Stops the server, then the engine, and waits for both. The sidecar stops its dispatchers and then the engine
    /// from a handler nobody awaits (and its dispatchers wait for answers the stopped worker will never give), so
    /// without this the host would dispose an engine still running: one that renews its partitions' leases and reads
    /// their queues for as long as the process lives, so that no other host gets those partitions. The engine's stop
    /// is waited for past the host's shutdown timeout (a few seconds, mostly spent by the worker): a forced stop takes
    /// a few storage requests, and cut short it would leave that engine running.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (this.app is not null)
        {
            await this.app.StopAsync(cancellationToken);
        }

        await orchestrationService.StopAsync().WaitAsync(EngineStopLimit, CancellationToken.None);
    }

    /// <summary>How long a stopping host waits for its engine before it gives up (and logs why).</summary>
    static readonly TimeSpan EngineStopLimit = TimeSpan.FromSeconds(30);

    /// <summary>Closes the server, then removes the socket and its folder.</summary>
    public async ValueTask DisposeAsync()
    {
        if (this.app is not null)
        {
            await this.app.DisposeAsync();
        }

        endpoint.Dispose();
    }
}
