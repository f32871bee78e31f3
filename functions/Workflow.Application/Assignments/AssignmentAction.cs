namespace Workflow.Application.Assignments;

/// <summary>What a person asks of an application's assignment.</summary>
public enum AssignmentAction
{
    /// <summary>Work on it oneself.</summary>
    Claim,

    /// <summary>Give it up (the assignee), or take it from its assignee (a manager).</summary>
    Release,

    /// <summary>A manager names who works on it.</summary>
    Assign,
}
