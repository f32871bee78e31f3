namespace Workflow.Application.Assignments;

/// <summary>What the rules make of a request.</summary>
public enum AssignmentOutcome
{
    /// <summary>The assignment changes: to <see cref="AssignmentVerdict.Next"/>, audited as <see cref="AssignmentVerdict.Event"/>.</summary>
    Change,

    /// <summary>It already is as asked: nothing changes, nothing is recorded (200, repeated).</summary>
    Repeated,

    /// <summary>Refused given the current assignment or the case (409 with the reason).</summary>
    Conflict,

    /// <summary>Refused whatever the state: the person may not do this (403).</summary>
    Forbidden,
}
