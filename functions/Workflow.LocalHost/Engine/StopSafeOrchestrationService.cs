using DurableTask.Core;

namespace Workflow.LocalHost.Engine;

/// <summary>
/// Hands the sidecar's dispatcher an orchestration service it can always stop. The sidecar starts its dispatcher only
/// once a worker has connected, but stops it whenever the host stops; the Azure Storage provider throws a
/// NullReferenceException when stopped before it was started, and the sidecar's stop handler is async void, so a host
/// stopped within its first moments would crash. Everything else is forwarded unchanged.
/// </summary>
internal sealed class StopSafeOrchestrationService(IOrchestrationService inner) : DelegatingOrchestrationService(inner)
{
    int started;

    public override async Task StartAsync()
    {
        await this.Inner.StartAsync();
        Volatile.Write(ref this.started, 1);
    }

    public override Task StopAsync() => this.StopAsync(isForced: false);

    public override Task StopAsync(bool isForced) =>
        Interlocked.Exchange(ref this.started, 0) == 1 ? this.Inner.StopAsync(isForced) : Task.CompletedTask;
}
