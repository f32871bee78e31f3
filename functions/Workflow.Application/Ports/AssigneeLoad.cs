using Workflow.Application.Assignments;

namespace Workflow.Application.Ports;

/// <summary>How many open caseworker decisions (worklist rows) are assigned to one person.</summary>
public sealed record AssigneeLoad(Assignee Assignee, int Open);
