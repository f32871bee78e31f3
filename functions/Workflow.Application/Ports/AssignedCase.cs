using Workflow.Application.Assignments;
using Workflow.Orchestrations.Cases;

namespace Workflow.Application.Ports;

/// <summary>A case on the worklist with its assignment.</summary>
public sealed record AssignedCase(PermitCase Case, CaseAssignment Assignment);
