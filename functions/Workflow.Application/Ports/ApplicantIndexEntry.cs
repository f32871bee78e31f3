using Workflow.Orchestrations.Domain;

namespace Workflow.Application.Ports;

/// <summary>One application in the applicant's index: ids, category and submission time (no personal data).</summary>
public sealed record ApplicantIndexEntry(string ApplicationId, string SubmissionId, PermitCategory Category, DateTimeOffset SubmittedAt)
{
    /// <summary>This entry's place in the index (<see cref="ApplicantIndexKey"/>).</summary>
    public string Key => ApplicantIndexKey.For(this.SubmittedAt, this.ApplicationId);
}
