using Workflow.LocalHost.Bench;
using Workflow.Orchestrations;
using Workflow.Orchestrations.Activities;

namespace Workflow.UnitTests.Bench;

/// <summary>The bench decides once the activity that records the case's transition is done: it must know every such activity.</summary>
public sealed class RecordsTransitionsTests
{
    [Fact]
    public void The_activities_that_record_transitions_are_known_and_no_other()
    {
        string[] recording = [.. PermitTasks.Activities.Select(a => a.Name).Where(BenchRunner.RecordsTransitions)];

        Assert.Equal([nameof(RecordTransitionActivity), nameof(RecordThenWorkActivity)], recording);
    }
}
