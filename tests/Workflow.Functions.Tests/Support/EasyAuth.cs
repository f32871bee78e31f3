using System.Text;
using System.Text.Json;

namespace Workflow.Functions.Tests.Support;

/// <summary>
/// X-MS-CLIENT-PRINCIPAL headers as App Service authentication forwards them for an Entra ID access token: base64 JSON
/// with the token's claims, app roles as <c>roles</c>, the object id under its long claim type.
/// </summary>
internal static class EasyAuth
{
    public const string RoleType = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role";

    /// <summary>A user in <paramref name="role"/> (an employer with the applicant claim <paramref name="applicant"/>).</summary>
    /// <param name="objectId">The user's Entra object id, the API's subject: who the caller is, for its rate limits.</param>
    public static string Header(string role, string? applicant = null, string applicantClaim = "applicant", string objectId = "00000000-0000-0000-0000-0000000000aa")
    {
        var claims = new List<(string, string)>
        {
            ("http://schemas.microsoft.com/identity/claims/objectidentifier", objectId),
            ("name", "A. Person"),
            ("roles", role),
        };
        if (applicant is not null)
        {
            claims.Add((applicantClaim, applicant));
        }

        return Encode("aad", [.. claims]);
    }

    public static string Encode(string authType, params (string Type, string Value)[] claims) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
        {
            auth_typ = authType,
            name_typ = "name",
            role_typ = RoleType,
            claims = claims.Select(c => new { typ = c.Type, val = c.Value }),
        })));
}
