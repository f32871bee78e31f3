namespace Workflow.Application.Assignments;

/// <summary>
/// One change of who works on an application, as its audit row tells it: the change's number, the event code
/// (<see cref="AssignmentEvents"/>), when, who did it and in which role, who held the application before and after,
/// and the dossier record of the reason a manager gave (free text stays in the dossier).
/// </summary>
public sealed record AssignmentChange(
    int Version,
    string Event,
    DateTimeOffset At,
    string ByRole,
    Assignee By,
    Assignee? From,
    Assignee? To,
    string? ReasonRecord);
