using Workflow.Application.Assignments;
using Workflow.Orchestrations.Cases;

namespace Workflow.Application.Ports;

/// <summary>
/// An application's case and assignment as read together, with the token of that read: a change written with it
/// succeeds only if nothing changed the case's row since (optimistic concurrency; opaque to the caller).
/// </summary>
public sealed record AssignmentSlot(PermitCase Case, CaseAssignment Assignment, string Token);
