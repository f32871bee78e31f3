using System.Security.Claims;

namespace Workflow.Application.Access;

/// <summary>
/// Who did something, as the audit log and the command records keep it: the role the person acted in, the token's
/// subject (the Entra object id in Azure, the dev token's subject locally) and the display name when the token has one.
/// Kept in tables only: never in orchestration history, events or logs (a display name is personal data).
/// </summary>
public sealed record Actor(string Role, string Subject, string? Name)
{
    /// <summary>The workflow itself (timers, rules, the engine's own steps).</summary>
    public static Actor System { get; } = new("system", "system", null);

    /// <summary>
    /// The caller acting under <paramref name="policy"/>: the first of its roles the policy admits (a principal may carry
    /// several), its subject and its display name. A caller without a subject is recorded as "unknown", never refused here:
    /// authentication already decided whether the call may be made.
    /// </summary>
    public static Actor Of(ClaimsPrincipal user, string policy)
    {
        ArgumentNullException.ThrowIfNull(user);
        string role = AccessPolicies.RolesOf.TryGetValue(policy, out IReadOnlyList<string>? roles)
            ? roles.FirstOrDefault(user.IsInRole) ?? Unknown
            : Unknown;
        string subject = user.FindFirst(PermitClaims.Subject)?.Value is { Length: > 0 and <= 200 } s ? s : Unknown;
        string? name = user.FindFirst(PermitClaims.Name)?.Value is { Length: > 0 } n ? (n.Length > 200 ? n[..200] : n) : null;
        return new Actor(role, subject, name);
    }

    /// <summary>
    /// The person of the token under <paramref name="policy"/>, or null for a token without a subject: what needs to
    /// tell people apart (four eyes, an assignment, one's own work) cannot act for nobody in particular.
    /// </summary>
    public static Actor? PersonOf(ClaimsPrincipal user, string policy)
    {
        Actor actor = Of(user, policy);
        return actor.Subject == Unknown ? null : actor;
    }

    /// <summary>What a token without a subject (or role) is recorded as.</summary>
    const string Unknown = "unknown";

    /// <summary>A party identified by its channel rather than a token (the federal office's signed webhook, a payment provider).</summary>
    public static Actor Party(string role, string channel) => new(role, channel, null);

    /// <summary>How the actor reads in a timeline: "caseworker Ann Peeters (sub 42)", "system".</summary>
    public override string ToString() =>
        this.Subject == this.Role ? this.Role : this.Name is null ? $"{this.Role} ({this.Subject})" : $"{this.Role} {this.Name} ({this.Subject})";
}
