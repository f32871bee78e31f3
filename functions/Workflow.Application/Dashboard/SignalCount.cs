namespace Workflow.Application.Dashboard;

/// <summary>How many decided files had a kind of fraud signal (code) raised, and how many of those were refused.</summary>
public sealed record SignalCount(string Signal, int Decided, int Refused);
