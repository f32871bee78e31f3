namespace Workflow.Application;

/// <summary>Settings of the application layer, the same in both hosts (section "Workflow").</summary>
public sealed class WorkflowSettings
{
    public const string Section = "Workflow";

    /// <summary>How long a policy day lasts in real time: 24 h in production, about a second in tests and demos.</summary>
    public TimeSpan PolicyDayLength { get; set; } = TimeSpan.FromDays(1);

    /// <summary>A reserved submission not scheduled after this long is taken over by a repeat (its first submitter crashed).</summary>
    public TimeSpan SubmissionTakeOverAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest accepted request body for submissions and documents.</summary>
    public long MaxRequestBytes { get; set; } = 30 * 1024 * 1024;
}
