namespace Workflow.Application.Queries;

/// <summary><c>GET /api/applications</c>: a page of the applicant's own applications, newest first, and the token for the next page.</summary>
public sealed record ApplicantApplicationPage(IReadOnlyList<ApplicantApplicationItem> Items, string? Continuation);
