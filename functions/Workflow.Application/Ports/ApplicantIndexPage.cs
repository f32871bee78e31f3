namespace Workflow.Application.Ports;

/// <summary>A page of the applicant's index and the key to continue after (null on the last page).</summary>
public sealed record ApplicantIndexPage(IReadOnlyList<ApplicantIndexEntry> Entries, string? Continuation);
