using System.Text.RegularExpressions;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Workflow.Functions.Tests.Support;

namespace Workflow.Functions.Tests;

/// <summary>
/// docs/design.md#two-hosts-one-workflow-code-base: <c>DurableTaskWorkerOptions.MaximumTimerInterval</c> stays at its
/// default in both hosts (changing it breaks timers in flight). It is code, not a host.json setting, so host.json must
/// not pretend to set it either.
/// </summary>
public sealed class TimerIntervalTests
{
    static readonly TimeSpan Default = new DurableTaskWorkerOptions().MaximumTimerInterval;

    [Fact]
    public async Task The_local_host_keeps_the_default()
    {
        TimeSpan interval = await LocalHostServices.ReadAsync(app => LocalHostServices.WorkerOptions(app).MaximumTimerInterval);
        Assert.Equal(Default, interval);
    }

    [Fact]
    public async Task The_functions_app_keeps_the_default()
    {
        await using FunctionsApp functions = FunctionsApp.Create();
        Assert.Equal(Default, functions.Services.GetRequiredService<IOptions<DurableTaskWorkerOptions>>().Value.MaximumTimerInterval);
        Assert.Equal(Default, functions.Services.GetRequiredService<IOptionsMonitor<DurableTaskWorkerOptions>>().Get(Options.DefaultName).MaximumTimerInterval);
    }

    [Fact]
    public void Host_json_does_not_mention_it()
    {
        string hostJson = File.ReadAllText(Path.Combine(RepositoryPaths.FunctionsProject, "host.json"));
        Assert.DoesNotMatch(new Regex("maximumTimerInterval", RegexOptions.IgnoreCase), hostJson);
    }
}
