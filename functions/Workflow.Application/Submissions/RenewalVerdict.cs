namespace Workflow.Application.Submissions;

/// <summary>Whether a submission may renew the authorisation it names (<see cref="RenewalCheck"/>).</summary>
public enum RenewalVerdict
{
    /// <summary>It may: the renewal of the authorisation is claimed for this application.</summary>
    Allowed,

    /// <summary>
    /// The caller holds no such authorisation: unknown, another applicant's (answered alike, so nobody learns whether
    /// another employer's authorisation exists), or one for another worker or category (422).
    /// </summary>
    NotRenewable,

    /// <summary>The authorisation cannot be renewed as it stands: expired, withdrawn, or renewed by another application (409).</summary>
    Conflict,
}
