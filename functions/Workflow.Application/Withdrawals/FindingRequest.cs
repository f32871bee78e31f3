namespace Workflow.Application.Withdrawals;

/// <summary>
/// <c>POST /api/inspections/findings</c>: an inspector's finding on a granted work authorisation (§2.1). The client's
/// <paramref name="FindingId"/> makes it idempotent; <paramref name="AuthorisationId"/> is the application that granted
/// the authorisation (as the register lists it); <paramref name="Ground"/> the §2.1 ground the finding supports;
/// <paramref name="Evidence"/> references to the evidence (ids or short descriptions); <paramref name="Summary"/> what
/// was found. Evidence and summary are internal: the employer never sees them.
/// </summary>
public sealed record FindingRequest(string? FindingId, string? AuthorisationId, string? Ground, IReadOnlyList<string>? Evidence, string? Summary);
