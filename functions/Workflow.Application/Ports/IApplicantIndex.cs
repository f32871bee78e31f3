namespace Workflow.Application.Ports;

/// <summary>
/// The applications of one applicant, newest first (<c>GET /api/applications</c> for an employer). Kept by the
/// submission ledger in the same step as the reservation (a row per application, safe to write again), because a scan
/// of the submissions by applicant key cannot be paged.
/// </summary>
public interface IApplicantIndex
{
    /// <summary>
    /// Up to <paramref name="pageSize"/> applications of <paramref name="applicantKey"/>, newest first, starting after the
    /// entry whose key is <paramref name="after"/> (the previous page's continuation; null for the first page).
    /// </summary>
    Task<ApplicantIndexPage> ListAsync(string applicantKey, int pageSize, string? after, CancellationToken cancellationToken);
}
