namespace Workflow.Application.Queries;

/// <summary>
/// <c>GET /api/caseworkers</c>: everyone who claimed or was assigned an application, by subject, with the size of each
/// one's open worklist, and the open decisions nobody holds.
/// </summary>
public sealed record CaseworkerList(IReadOnlyList<CaseworkerView> Caseworkers, int Unassigned);
