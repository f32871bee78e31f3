namespace Workflow.Application.Dashboard;

/// <summary>An open hand-off to the federal office: its state (code), when it was handed off (policy time), and its age in policy days.</summary>
public sealed record FederalHandoffView(string ApplicationId, string Status, DateTimeOffset HandedOffAt, double AgeDays, string WorkbenchUrl);
