namespace Workflow.Application.Operations;

/// <summary>An operator's restart of a failed workflow: why (kept in the audit log with who asked, never in the workflow).</summary>
public sealed record RestartRequest(string? Reason);
