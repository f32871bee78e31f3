using Microsoft.AspNetCore.Authorization;

namespace Workflow.Application.Access;

/// <summary>
/// The users (docs/design.md#users-and-roles) as role values: what a token's role claim carries, locally (signed bearer tokens) and in
/// Azure (Entra ID app roles with the same values, forwarded by App Service authentication). One list, so both hosts
/// and every test agree on the spelling.
/// </summary>
public static class Roles
{
    /// <summary>An employer (or a self-employed applicant): its own applications only, by the applicant claim.</summary>
    public const string Employer = "employer";

    public const string Caseworker = "caseworker";

    public const string Manager = "manager";

    /// <summary>The federal immigration office as a user; its callbacks use the signed webhook, not a token.</summary>
    public const string FederalOffice = "federal-office";

    public const string Inspector = "inspector";

    /// <summary>A worker signed in with their own INSZ or BIS number (<see cref="PermitClaims.Person"/>): their own applications, read only.</summary>
    public const string Worker = "worker";

    /// <summary>The public: misuse reports are sent without a token (<c>POST /api/reports</c>), so no endpoint asks for this role.</summary>
    public const string Public = "public";

    public static IReadOnlyList<string> All { get; } = [Employer, Caseworker, Manager, FederalOffice, Inspector, Worker, Public];

    public static bool IsKnown(string? role) => role is not null && All.Contains(role, StringComparer.Ordinal);
}

/// <summary>The claim types the API reads, the same in both hosts (the local token's names; Azure's are mapped to them).</summary>
public static class PermitClaims
{
    /// <summary>A role of <see cref="Roles"/>; a principal may carry several.</summary>
    public const string Role = "role";

    /// <summary>
    /// The applicant key an employer acts for: the employer's KBO number, or "self:{reference}" for a self-employed
    /// applicant (<see cref="Orchestrations.Domain.ApplicationIds.ApplicantKey"/>).
    /// </summary>
    public const string Applicant = "applicant";

    /// <summary>Who the caller is (an opaque id; never logged).</summary>
    public const string Subject = "sub";

    /// <summary>The caller's display name, for the audit log (tables only; never logged, never in workflow history).</summary>
    public const string Name = "name";

    /// <summary>
    /// A worker's own INSZ or BIS number, as their sign-in (eID) asserts it: it names the applications they may follow.
    /// Read to compute the worker's key (a keyed fingerprint); never logged, never stored in clear.
    /// </summary>
    public const string Person = "person";
}

/// <summary>
/// Who may call which endpoint: one named policy per set of roles, applied to the local endpoints
/// (<c>RequireAuthorization</c> in <see cref="Http.PermitApi.MapPermitApi"/>) and evaluated by the Azure Functions app
/// before it calls the same handler, so the two hosts cannot drift. Everything not listed for a role is refused: 401
/// without a valid identity, 403 for another role. Employers are further restricted to their own applications by
/// <see cref="ApplicantAccess"/> (a data check the handlers make, not a policy).
/// </summary>
public static class AccessPolicies
{
    /// <summary>Submit an application, supply documents, pay the fee: employers, for their own applications.</summary>
    public const string Employers = "employers";

    /// <summary>The status and the decision letter of an application: its employer, caseworkers, managers, inspectors.</summary>
    public const string ApplicationReaders = "application-readers";

    /// <summary>The caseworker's one-view and the exclusion registry: caseworkers, managers, inspectors.</summary>
    public const string CaseReaders = "case-readers";

    /// <summary>Decisions, information requests, third parties: caseworkers.</summary>
    public const string Caseworkers = "caseworkers";

    /// <summary>The worklist and the declared peak periods: caseworkers and managers.</summary>
    public const string CaseworkersAndManagers = "caseworkers-and-managers";

    /// <summary>Declaring peak periods, the alerts inbox: managers.</summary>
    public const string Managers = "managers";

    /// <summary>Recording an exclusion (§2.1): managers and inspectors.</summary>
    public const string ExclusionWriters = "exclusion-writers";

    /// <summary>The inspections' queues of misuse reports (§2.8), forwarding and closing them: inspectors.</summary>
    public const string Inspectors = "inspectors";

    /// <summary>Ex-post controls (§2.10 (d)): searching the authorisations register and an employer's applications: inspectors and managers.</summary>
    public const string Inspections = "inspections";

    /// <summary>A worker's own applications, letters and the export of what is held about them (GDPR): workers.</summary>
    public const string Workers = "workers";

    /// <summary>Anyone holding a role that has endpoints (who am I, for the pages); the public has none yet.</summary>
    public const string AnyRole = "any-role";

    /// <summary>The roles each policy admits.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> RolesOf { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        [Employers] = [Roles.Employer],
        [ApplicationReaders] = [Roles.Employer, Roles.Caseworker, Roles.Manager, Roles.Inspector],
        [CaseReaders] = [Roles.Caseworker, Roles.Manager, Roles.Inspector],
        [Caseworkers] = [Roles.Caseworker],
        [CaseworkersAndManagers] = [Roles.Caseworker, Roles.Manager],
        [Managers] = [Roles.Manager],
        [ExclusionWriters] = [Roles.Manager, Roles.Inspector],
        [Inspectors] = [Roles.Inspector],
        [Inspections] = [Roles.Inspector, Roles.Manager],
        [Workers] = [Roles.Worker],
        [AnyRole] = [.. Roles.All.Where(r => r != Roles.Public)],
    };

    /// <summary>Registers every policy: an authenticated caller holding one of the policy's roles.</summary>
    public static void Register(AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach ((string name, IReadOnlyList<string> roles) in RolesOf)
        {
            options.AddPolicy(name, policy => policy.RequireAuthenticatedUser().RequireRole(roles));
        }
    }
}
