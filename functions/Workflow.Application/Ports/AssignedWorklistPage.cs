namespace Workflow.Application.Ports;

/// <summary>A page of the worklist in due order and the token for the next page (null on the last).</summary>
public sealed record AssignedWorklistPage(IReadOnlyList<AssignedCase> Items, string? Continuation);
