namespace Workflow.Application.Assignments;

/// <summary>The reason a manager gave for an assignment, kept in the dossier (free text stays out of the tables).</summary>
public sealed record AssignmentReasonRecord(string Reason, string BySubject, DateTimeOffset At);
