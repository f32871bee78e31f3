using Microsoft.DurableTask;

namespace Workflow.LocalHost.Bench;

/// <summary>The bare orchestration's activity: does nothing, so only the engine's cost of an activity is measured.</summary>
public sealed class NoOpActivity : TaskActivity<int, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, int input) => Task.FromResult(input);
}
