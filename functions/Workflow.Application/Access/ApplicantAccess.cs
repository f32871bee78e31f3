using System.Security.Claims;
using Workflow.Application.Ports;
using Workflow.Orchestrations.Domain.Identifiers;

namespace Workflow.Application.Access;

/// <summary>
/// The applicant keys a caller may act for under a policy: any (a staff role the policy admits), the keys of its
/// applicant claims (an employer), or none. Why a value of its own: an employer is admitted by the same policies as
/// staff, but only for its own applications, and that needs data (who submitted what) that a policy does not have.
/// </summary>
public sealed class ApplicantScope
{
    readonly HashSet<string>? keys;

    ApplicantScope(HashSet<string>? keys) => this.keys = keys;

    /// <summary>Every applicant: a role the policy admits without restriction.</summary>
    public static ApplicantScope Any { get; } = new(null);

    /// <summary>No applicant at all (an employer identity without a valid applicant claim, or no identity).</summary>
    public static ApplicantScope None { get; } = new([]);

    public bool IsAny => this.keys is null;

    public bool IsNone => this.keys is { Count: 0 };

    public bool Allows(string applicantKey) => this.keys is null || this.keys.Contains(applicantKey);

    /// <summary>
    /// The scope of <paramref name="user"/> under <paramref name="policy"/>: <see cref="Any"/> when the user holds a
    /// role the policy admits other than employer; otherwise, for an employer, its applicant claims; otherwise none.
    /// </summary>
    public static ApplicantScope Of(ClaimsPrincipal user, string policy)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identity?.IsAuthenticated != true || !AccessPolicies.RolesOf.TryGetValue(policy, out IReadOnlyList<string>? roles))
        {
            return None;
        }

        if (roles.Any(role => role != Roles.Employer && user.IsInRole(role)))
        {
            return Any;
        }

        if (!roles.Contains(Roles.Employer) || !user.IsInRole(Roles.Employer))
        {
            return None;
        }

        HashSet<string> own = [.. user.FindAll(PermitClaims.Applicant).Select(c => Canonical(c.Value)).OfType<string>()];
        return own.Count == 0 ? None : new ApplicantScope(own);
    }

    /// <summary>
    /// An applicant claim as the applicant key the submission ledger keeps: a KBO number in its 10-digit form (so
    /// "BE0412.345.614" matches "0412345614"), or "self:{reference}" as is. Anything else grants nothing (null).
    /// </summary>
    public static string? Canonical(string? claim)
    {
        if (string.IsNullOrWhiteSpace(claim))
        {
            return null;
        }

        if (claim.StartsWith("self:", StringComparison.Ordinal))
        {
            return claim.Length > "self:".Length ? claim : null;
        }

        return EnterpriseNumber.IsValid(claim, out string kbo) ? kbo : null;
    }
}

/// <summary>
/// The employer's ownership check, made by the handlers of both hosts before they read or act on an application: a
/// caller whose only admitted role is employer reaches an application only when the submission ledger says its
/// applicant key submitted it. Otherwise the handler answers 404, the same as for an application that does not exist,
/// so an employer cannot learn that another's application exists. Staff roles cost no lookup, and an employer's
/// calls on one application cost at most one between them (<see cref="ApplicationOwners"/>, filled by the submission too).
/// </summary>
public sealed class ApplicantAccess(ISubmissionLedger ledger, ApplicationOwners owners)
{
    public async Task<bool> MayAccessAsync(ClaimsPrincipal user, string policy, string applicationId, CancellationToken cancellationToken)
    {
        ApplicantScope scope = ApplicantScope.Of(user, policy);
        if (scope.IsAny)
        {
            return true;
        }

        if (scope.IsNone)
        {
            return false;
        }

        string? owner = owners.Recall(applicationId);
        if (owner is null && await ledger.GetAsync(applicationId, cancellationToken) is SubmissionRecord submission)
        {
            owner = submission.ApplicantKey;
            owners.Remember(applicationId, owner);
        }

        return owner is not null && scope.Allows(owner);
    }
}
