namespace Workflow.Application.Dashboard;

/// <summary>How many applications of a category were submitted in a month, and how many of those were decided since.</summary>
public sealed record CategoryMonthCount(string Month, string Category, int Submitted, int Decided);
