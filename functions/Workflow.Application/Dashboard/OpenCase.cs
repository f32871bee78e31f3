namespace Workflow.Application.Dashboard;

/// <summary>
/// An open application on the at-risk or breached list: its category, track, stage and SLA state (codes), its due date
/// (policy time), the policy days left (negative when overdue), and where the caseworker workbench shows it.
/// </summary>
public sealed record OpenCase(string ApplicationId, string Category, string Track, string Stage, string SlaState, DateTimeOffset? DueAt, double? DaysLeft, string WorkbenchUrl)
{
    public static string WorkbenchUrlOf(string applicationId) => $"/workbench/#/applications/{Uri.EscapeDataString(applicationId)}";
}
