using Workflow.Application.Access;

namespace Workflow.Application.Withdrawals;

/// <summary>The inspector's finding as staff read it: its id, the evidence references, the summary, who filed it and when. Never shown to the employer.</summary>
public sealed record FindingView(string FindingId, IReadOnlyList<string> Evidence, string? Summary, Actor By, DateTimeOffset At);
