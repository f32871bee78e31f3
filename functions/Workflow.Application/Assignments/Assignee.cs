namespace Workflow.Application.Assignments;

/// <summary>
/// A person who works on applications: the token's subject and, when the token had one, the display name. Kept in
/// tables only (the case index, the worklist, the audit log), never in orchestration history or logs.
/// </summary>
public sealed record Assignee(string Subject, string? Name)
{
    /// <summary>How the assignee reads in a message: "Ann Peeters (ann)", or the subject alone.</summary>
    public override string ToString() => this.Name is null ? this.Subject : $"{this.Name} ({this.Subject})";
}
