using Workflow.LocalHost.Bench;

namespace Workflow.UnitTests.Bench;

/// <summary>How busy each process was over a phase: its CPU per application, times the applications, over the phase's seconds.</summary>
public sealed class PhaseResultTests
{
    static PhaseResult Phase(double seconds, int completed, double cpuPerApplication, double? azuriteCpuPerApplication) => new(
        "side", completed, completed, 0, seconds, completed / seconds, 0, 0, 0, 0,
        Percentiles.Of([]), Percentiles.Of([]), Percentiles.Of([]),
        cpuPerApplication, 0, azuriteCpuPerApplication, 0, 0,
        StorageFigures.Of(new Dictionary<StorageRequest, long>(), new Dictionary<StorageRequest, double>(), seconds, completed, StoragePrices.StandardV2LrsHot),
        []);

    [Fact]
    public void Cores_busy_are_the_cpu_time_of_the_phase_over_its_duration()
    {
        // 50 applications in 10 s: 187 ms of Azurite each is 9.35 s of CPU, 0.94 of its one core; the host's 218 ms, 1.09 cores.
        PhaseResult phase = Phase(seconds: 10, completed: 50, cpuPerApplication: 218, azuriteCpuPerApplication: 187);
        Assert.Equal(1.09, phase.CoresBusy);
        Assert.Equal(0.94, phase.AzuriteCoresBusy);
    }

    [Fact]
    public void Without_an_azurite_of_the_bench_its_cores_are_not_known_and_an_empty_phase_is_idle()
    {
        Assert.Null(Phase(seconds: 10, completed: 50, cpuPerApplication: 100, azuriteCpuPerApplication: null).AzuriteCoresBusy);
        Assert.Equal(0, Phase(seconds: 0.0, completed: 1, cpuPerApplication: 100, azuriteCpuPerApplication: 5).CoresBusy);
    }
}
