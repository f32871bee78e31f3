using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Workflow.Application.Access;

namespace Workflow.Functions.Http;

/// <summary>
/// The caller as App Service authentication (Easy Auth, Entra ID) forwards it: header
/// <see cref="Header"/> holds base64 JSON <c>{auth_typ, name_typ, role_typ, claims: [{typ, val}]}</c> of the token it
/// validated. It is mapped to the claims the API reads everywhere (<see cref="PermitClaims"/>): the Entra app roles
/// whose values are ours (unknown values are dropped), the applicant claim of an employer, the object id as subject and
/// the display name (for the audit log: who did what). Nothing else of the token (e-mail addresses, groups) is kept.
/// </summary>
/// <remarks>
/// The header is trusted only when the platform says authentication runs in front of the app
/// (<see cref="EnabledSetting"/>, injected by App Service): then it strips any header a client sends and sets its own.
/// Without it anybody could write the header, so every protected call is refused instead.
/// </remarks>
public static partial class EasyAuthPrincipal
{
    public const string Header = "X-MS-CLIENT-PRINCIPAL";

    /// <summary>Set to <c>true</c> by App Service when its authentication is enabled for the app.</summary>
    public const string EnabledSetting = "WEBSITE_AUTH_ENABLED";

    /// <summary>The authentication type of an Entra ID principal; other providers carry no app roles and are refused.</summary>
    public const string EntraAuthType = "aad";

    /// <summary>A principal header is a few kilobytes; anything far larger is not one.</summary>
    const int MaxHeaderLength = 32 * 1024;

    /// <summary>The display name Entra ID puts in its tokens; kept for the audit log only.</summary>
    const string NameType = "name";

    static readonly string[] ObjectIdTypes = ["http://schemas.microsoft.com/identity/claims/objectidentifier", "oid"];

    static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    /// <summary>The principal, or null when the header is missing, garbled, or not an Entra ID principal.</summary>
    public static ClaimsPrincipal? Read(string? header)
    {
        if (string.IsNullOrWhiteSpace(header) || header.Length > MaxHeaderLength)
        {
            return null;
        }

        ClientPrincipal? forwarded;
        try
        {
            forwarded = JsonSerializer.Deserialize<ClientPrincipal>(Convert.FromBase64String(header.Trim()), Json);
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }

        if (forwarded is not { Claims: { } claims } || !string.Equals(forwarded.AuthType, EntraAuthType, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        string roleType = string.IsNullOrEmpty(forwarded.RoleType) ? ClaimTypes.Role : forwarded.RoleType;
        var identity = new ClaimsIdentity($"easyauth-{EntraAuthType}", PermitClaims.Subject, PermitClaims.Role);
        foreach (ForwardedClaim claim in claims)
        {
            if (claim.Type is null || claim.Value is null)
            {
                continue;
            }

            if (IsRoleType(claim.Type, roleType) && Roles.IsKnown(claim.Value))
            {
                identity.AddClaim(new Claim(PermitClaims.Role, claim.Value));
            }
            else if (IsApplicantType(claim.Type) && ApplicantScope.Canonical(claim.Value) is string applicant)
            {
                identity.AddClaim(new Claim(PermitClaims.Applicant, applicant));
            }
            else if (IsPersonType(claim.Type) && !identity.HasClaim(c => c.Type == PermitClaims.Person))
            {
                identity.AddClaim(new Claim(PermitClaims.Person, claim.Value)); // checked and fingerprinted where it is read
            }
            else if (ObjectIdTypes.Contains(claim.Type, StringComparer.Ordinal) && !identity.HasClaim(c => c.Type == PermitClaims.Subject))
            {
                identity.AddClaim(new Claim(PermitClaims.Subject, claim.Value));
            }
            else if (claim.Type == NameType && !identity.HasClaim(c => c.Type == PermitClaims.Name))
            {
                identity.AddClaim(new Claim(PermitClaims.Name, claim.Value));
            }
        }

        return new ClaimsPrincipal(identity);
    }

    /// <summary>App roles arrive as <c>roles</c> (the token's name) or as the principal's declared role type.</summary>
    static bool IsRoleType(string type, string roleType) =>
        type == roleType || type is "roles" or "role" || type == ClaimTypes.Role;

    /// <summary>
    /// The applicant claim as Entra ID can emit it: a claims-mapping policy's <c>applicant</c>, or the directory
    /// extension <c>applicant</c> of the app registration (<c>extn.applicant</c>, <c>extension_applicant</c>, or
    /// <c>extension_{app id without dashes}_applicant</c>).
    /// </summary>
    static bool IsApplicantType(string type) =>
        type is PermitClaims.Applicant or "extn.applicant" or "extension_applicant" || DirectoryExtension().IsMatch(type);

    /// <summary>A worker's INSZ or BIS number as the identity provider asserts it (a claims-mapping policy's <c>person</c>, or the directory extension).</summary>
    static bool IsPersonType(string type) =>
        type is PermitClaims.Person or "extn.person" or "extension_person" || PersonExtension().IsMatch(type);

    [GeneratedRegex("^extension_[0-9a-fA-F]{32}_person$", RegexOptions.CultureInvariant)]
    private static partial Regex PersonExtension();

    [GeneratedRegex("^extension_[0-9a-fA-F]{32}_applicant$", RegexOptions.CultureInvariant)]
    private static partial Regex DirectoryExtension();

    sealed record ClientPrincipal(
        [property: JsonPropertyName("auth_typ")] string? AuthType,
        [property: JsonPropertyName("role_typ")] string? RoleType,
        [property: JsonPropertyName("claims")] IReadOnlyList<ForwardedClaim>? Claims);

    sealed record ForwardedClaim(
        [property: JsonPropertyName("typ")] string? Type,
        [property: JsonPropertyName("val")] string? Value);
}
