namespace Workflow.Application.Ports;

/// <summary>The worklist counted by assignee, and the open decisions nobody holds.</summary>
public sealed record WorklistLoad(IReadOnlyList<AssigneeLoad> Assigned, int Unassigned);
