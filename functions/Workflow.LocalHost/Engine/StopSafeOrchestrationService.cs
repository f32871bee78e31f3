using DurableTask.Core;

namespace Workflow.LocalHost.Engine;

/// <summary>
/// Hands the sidecar's dispatcher an orchestration service that stops once, whoever asks and however often. The
/// sidecar starts its dispatcher only once a worker has connected, but stops it whenever the host stops; the Azure
/// Storage provider throws a NullReferenceException when stopped before it was started, and the sidecar's stop handler
/// is async void, so a host stopped within its first moments would crash. The sidecar's stop is also not awaited by
/// anyone, so <see cref="SidecarServer"/> stops the engine itself and waits: every caller gets the same stop.
/// </summary>
/// <remarks>
/// The stop is always forced: by the time the engine stops, the worker and the sidecar's dispatchers are gone, so
/// nothing would take the messages the engine holds in memory, and a graceful stop would wait for them (the Azure
/// Storage provider's partition manager waits up to 10 minutes) before releasing its partitions. Forced, those messages
/// go back to their queues when their visibility timeout ends; nothing is lost, as the engine deletes a message only
/// after the episode it started is committed.
/// </remarks>
internal sealed class StopSafeOrchestrationService(IOrchestrationService inner) : DelegatingOrchestrationService(inner)
{
    readonly Lock gate = new();
    bool started;
    bool stopAsked;
    Task? stopping;

    public override async Task StartAsync()
    {
        await this.Inner.StartAsync();
        Task? askedWhileStarting;
        lock (this.gate)
        {
            this.started = true;
            askedWhileStarting = this.stopAsked ? this.stopping ??= this.Inner.StopAsync(isForced: true) : null;
        }

        if (askedWhileStarting is not null)
        {
            await askedWhileStarting;
        }
    }

    public override Task StopAsync() => this.StopAsync(isForced: true);

    /// <summary>The one stop, forced (remarks), begun by the first caller; a stop asked before the start has ended is carried out when it ends.</summary>
    public override Task StopAsync(bool isForced)
    {
        lock (this.gate)
        {
            this.stopAsked = true;
            return this.started ? this.stopping ??= this.Inner.StopAsync(isForced: true) : Task.CompletedTask;
        }
    }
}
