namespace Workflow.Application.Submissions;

/// <summary>
/// The answer of <see cref="RenewalCheck"/>: the verdict, the reason for a refusal (in words the applicant reads), and
/// whether this request made the claim (so it can free it if the submission then turns out a conflict).
/// </summary>
public sealed record RenewalClaim(RenewalVerdict Verdict, string? Reason, bool MadeNow = false)
{
    public static RenewalClaim Refused(RenewalVerdict verdict, string reason) => new(verdict, reason);
}
