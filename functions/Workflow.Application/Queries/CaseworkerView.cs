namespace Workflow.Application.Queries;

/// <summary>A person who works on applications, and how many open caseworker decisions (worklist rows) they hold.</summary>
public sealed record CaseworkerView(string Subject, string? Name, int OpenWorklist);
