using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Workflow.Application.Access;

namespace Workflow.LocalHost;

/// <summary>
/// The local host's identities: bearer tokens (JWT, HS256) signed with a symmetric key from configuration
/// (<c>Auth:SigningKey</c>, a development-only value in appsettings.json), issued by <see cref="DevTokens"/> and checked
/// by the JwtBearer handler with issuer, audience, signature and lifetime. In Azure, Entra ID and App Service
/// authentication take this place; the roles and the applicant claim are the same (<see cref="PermitClaims"/>).
/// </summary>
public static class LocalTokens
{
    public const string Section = "Auth";
    public const string SigningKeySetting = $"{Section}:SigningKey";
    public const string Issuer = "permit-local";
    public const string Audience = "permit-api";

    /// <summary>HS256 wants a key of at least 256 bits.</summary>
    public const int MinKeyBytes = 32;

    /// <summary>How far clocks may disagree; small, so an expired token stops working almost at once.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    /// <summary>Authenticates bearer tokens on every request; the endpoints' policies decide what they allow.</summary>
    public static IServiceCollection AddLocalTokens(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        SymmetricSecurityKey key = SigningKey(configuration[SigningKeySetting]);
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(bearer =>
        {
            // Claim names as issued ("role", "applicant", "sub"), not mapped to the long WS-* URIs.
            bearer.MapInboundClaims = false;

            // A refused token gets the bare challenge "WWW-Authenticate: Bearer": why the validator refused it (expired,
            // unknown key, wrong audience) would help whoever forges tokens, and a client needs only to get a new one.
            bearer.IncludeErrorDetails = false;
            bearer.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = Issuer,
                ValidAudience = Audience,
                IssuerSigningKey = key,
                ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                ValidateIssuer = true,
                ValidateAudience = true,
                ValidateIssuerSigningKey = true,
                ValidateLifetime = true,
                RequireExpirationTime = true,
                RequireSignedTokens = true,
                ClockSkew = ClockSkew,
                NameClaimType = PermitClaims.Subject,
                RoleClaimType = PermitClaims.Role,
            };
        });
        return services;
    }

    /// <summary>The signing key; refuses a missing or short one, so the host never runs with a guessable key.</summary>
    public static SymmetricSecurityKey SigningKey(string? configured)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(configured ?? string.Empty);
        return bytes.Length >= MinKeyBytes
            ? new SymmetricSecurityKey(bytes)
            : throw new InvalidOperationException($"{SigningKeySetting} must be set to at least {MinKeyBytes} bytes (appsettings.json has a development-only value).");
    }

    /// <summary>A signed token for <paramref name="role"/> (and, for an employer, its applicant key).</summary>
    /// <param name="issuer">The issuer to write; other than <see cref="Issuer"/> only to test that it is refused.</param>
    /// <param name="audience">The audience to write; other than <see cref="Audience"/> only to test that it is refused.</param>
    /// <param name="name">The display name the audit log shows next to the subject.</param>
    /// <param name="person">For a worker: their own INSZ or BIS number.</param>
    public static string Issue(
        string signingKey, string role, string? applicant, string subject, TimeSpan lifetime, DateTimeOffset now,
        string issuer = Issuer, string audience = Audience, string? name = null, string? person = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(role);
        ArgumentException.ThrowIfNullOrEmpty(subject);
        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [PermitClaims.Role] = role,
            [PermitClaims.Subject] = subject,
            [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("N"),
        };
        if (applicant is not null)
        {
            claims[PermitClaims.Applicant] = applicant;
        }

        if (name is not null)
        {
            claims[PermitClaims.Name] = name;
        }

        if (person is not null)
        {
            claims[PermitClaims.Person] = person; // a worker's own INSZ or BIS number
        }

        // Not-before and expiry may lie in the past: the tests make expired tokens this way.
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = (now - TimeSpan.FromMinutes(1)).UtcDateTime,
            Expires = (now + lifetime).UtcDateTime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(SigningKey(signingKey), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }
}
