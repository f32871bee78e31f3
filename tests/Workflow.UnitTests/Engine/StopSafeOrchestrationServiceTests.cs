using DurableTask.Core;
using Microsoft.DurableTask.Testing.Sidecar;
using Microsoft.Extensions.Logging.Abstractions;
using Workflow.LocalHost.Engine;

namespace Workflow.UnitTests.Engine;

/// <summary>The engine a local host hands its sidecar stops once, forced, whoever asks and whenever.</summary>
public sealed class StopSafeOrchestrationServiceTests
{
    [Fact]
    public async Task An_engine_stopped_before_it_started_is_not_stopped_at_all()
    {
        var engine = new ObservedEngine();
        var service = new StopSafeOrchestrationService(engine);

        await service.StopAsync();

        Assert.Empty(engine.Stops);
    }

    [Fact]
    public async Task A_started_engine_asked_to_stop_twice_gracefully_is_stopped_once_forced_and_both_callers_wait_for_that_stop()
    {
        var engine = new ObservedEngine();
        var service = new StopSafeOrchestrationService(engine);
        engine.AllowStart();
        await service.StartAsync();

        Task first = service.StopAsync(isForced: false);
        Task second = service.StopAsync();

        Assert.Same(first, second);
        await first;
        Assert.Equal([true], engine.Stops);
    }

    [Fact]
    public async Task A_stop_asked_while_the_engine_starts_is_carried_out_when_the_start_ends()
    {
        var engine = new ObservedEngine();
        var service = new StopSafeOrchestrationService(engine);
        Task starting = service.StartAsync();

        await service.StopAsync();
        Assert.Empty(engine.Stops);

        engine.AllowStart();
        await starting;
        Assert.Equal([true], engine.Stops);
    }

    /// <summary>The sidecar's in-memory engine, with its start held until allowed and its stops recorded.</summary>
    sealed class ObservedEngine() : DelegatingOrchestrationService(new InMemoryOrchestrationService(NullLoggerFactory.Instance))
    {
        readonly TaskCompletionSource startAllowed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public List<bool> Stops { get; } = [];

        public void AllowStart() => this.startAllowed.SetResult();

        public override async Task StartAsync()
        {
            await this.startAllowed.Task;
            await this.Inner.StartAsync();
        }

        public override Task StopAsync(bool isForced)
        {
            lock (this.Stops)
            {
                this.Stops.Add(isForced);
            }

            return this.Inner.StopAsync(isForced);
        }
    }
}
