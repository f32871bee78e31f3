namespace Workflow.Application.Assignments;

/// <summary>Which open caseworker decisions a worklist page shows (<c>GET /api/worklist?view=</c>).</summary>
public enum WorklistView
{
    /// <summary>Every one (the default).</summary>
    All,

    /// <summary>Those assigned to the caller.</summary>
    Mine,

    /// <summary>Those nobody claimed or was assigned.</summary>
    Unassigned,
}
