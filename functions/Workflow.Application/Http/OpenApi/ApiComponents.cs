using Microsoft.OpenApi;
using Workflow.Application.Access;

namespace Workflow.Application.Http.OpenApi;

/// <summary>
/// The reusable parts of the document: the security schemes, the problem responses every operation shares, and their
/// headers. Registered once per document (by the first operation that needs them); operations refer to them.
/// </summary>
internal static class ApiComponents
{
    /// <summary>The bearer token of both hosts: locally signed by the host's development key, in Azure issued by Entra ID.</summary>
    public const string BearerScheme = "bearer";

    /// <summary>How a client obtains that token in Azure: Entra ID (OAuth 2.0), for the API's app registration.</summary>
    public const string EntraIdScheme = "entraId";

    public const string ProblemSchema = "ProblemDetails";
    public const string ValidationProblemSchema = "ValidationProblemDetails";

    public const string BadRequest = "BadRequest";
    public const string Unauthorized = "Unauthorized";
    public const string SignatureRefused = "SignatureRefused";
    public const string Forbidden = "Forbidden";
    public const string NotFound = "NotFound";
    public const string Conflict = "Conflict";
    public const string ConflictWhileRegistering = "ConflictWhileRegistering";
    public const string Unprocessable = "Unprocessable";
    public const string PayloadTooLarge = "PayloadTooLarge";
    public const string UnsupportedMediaType = "UnsupportedMediaType";
    public const string TooManyRequests = "TooManyRequests";

    public const string RetryAfterHeader = "Retry-After";
    public const string LocationHeader = "Location";
    const string WwwAuthenticateHeader = "WWW-Authenticate";

    /// <summary>Registers what is missing; safe to call for every operation.</summary>
    public static void Register(OpenApiDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
        if (document.Components.SecuritySchemes.ContainsKey(BearerScheme))
        {
            return;
        }

        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "A bearer token (JWT) naming the caller (`sub`), its role (`role`: " + string.Join(", ", Roles.All) + ") and, for an employer, "
                + "the applicant it acts for (`applicant`: a KBO number, or `self:<reference>`). The local host accepts tokens signed with its "
                + "development key (`scripts/dev-token.sh`); in Azure, Entra ID access tokens for the API's app registration, with the role as "
                + "an app role (see `entraId`). Each operation's description names the roles it admits.",
        };
        document.Components.SecuritySchemes[EntraIdScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.OAuth2,
            Description = "In Azure: Entra ID issues the bearer token (sent as `Authorization: Bearer`, as above) for the API's app registration "
                + "(`api://CLIENT_ID`, single tenant). People sign in with the authorization code flow (PKCE) and the delegated scope "
                + "`user_impersonation`; systems use the client credentials flow (`api://CLIENT_ID/.default`). The role comes from the "
                + "app role assigned to the user or the application; `TENANT_ID` and `CLIENT_ID` are the deployment's (docs/azure.md).",
            Flows = new OpenApiOAuthFlows
            {
                AuthorizationCode = new OpenApiOAuthFlow
                {
                    AuthorizationUrl = new Uri("https://login.microsoftonline.com/TENANT_ID/oauth2/v2.0/authorize"),
                    TokenUrl = new Uri("https://login.microsoftonline.com/TENANT_ID/oauth2/v2.0/token"),
                    Scopes = new Dictionary<string, string>(StringComparer.Ordinal)
                    {
                        ["api://CLIENT_ID/user_impersonation"] = "Call the API as the signed-in user, in the app role assigned to them.",
                    },
                },
                ClientCredentials = new OpenApiOAuthFlow
                {
                    TokenUrl = new Uri("https://login.microsoftonline.com/TENANT_ID/oauth2/v2.0/token"),
                    Scopes = new Dictionary<string, string>(StringComparer.Ordinal)
                    {
                        ["api://CLIENT_ID/.default"] = "Call the API as an application, in the app role granted to it.",
                    },
                },
            },
        };

        document.Components.Headers ??= new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal);
        document.Components.Headers[RetryAfterHeader] = RetryAfter(required: true);
        document.Components.Headers[WwwAuthenticateHeader] = new OpenApiHeader
        {
            Description = "The bare challenge `Bearer` (RFC 6750 §3): never why a token was refused.",
            Required = true,
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, Const = "Bearer" },
        };
        document.Components.Headers[LocationHeader] = new OpenApiHeader
        {
            Description = "Where to follow what was accepted: a path on this host, the same as in the body.",
            Required = true,
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        };

        document.Components.Responses ??= new Dictionary<string, IOpenApiResponse>(StringComparer.Ordinal);
        IDictionary<string, IOpenApiResponse> responses = document.Components.Responses;
        responses[BadRequest] = Problem(document, ValidationProblemSchema,
            "The request is not valid, and nothing was stored: a validation problem lists each member in error under `errors`; other problems (a body that is not JSON, an unknown member, a wrong parameter) say why in `detail`.");
        responses[Unauthorized] = Problem(document, ProblemSchema, "No valid bearer token.", (WwwAuthenticateHeader, Header(document, WwwAuthenticateHeader)));
        responses[SignatureRefused] = Problem(document, ProblemSchema,
            "The call is not signed, its timestamp is outside the 5-minute window, or its signature does not match.");
        responses[Forbidden] = Problem(document, ProblemSchema, "The caller's role may not use this operation (or, for a submission, the token's applicant is another).");
        responses[NotFound] = Problem(document, ProblemSchema,
            "No such resource, or one the caller may not see: another employer's application answers the same, so its existence is not disclosed.");
        responses[Conflict] = Problem(document, ProblemSchema,
            "The request conflicts with the state of the resource (an id used before for other content, a four-eyes rule); nothing was changed.");
        responses[ConflictWhileRegistering] = Problem(document, ProblemSchema,
            "The request conflicts with the state of the application (an id used before for other content, a step the case does not take now); nothing was changed. "
            + "While the application is still being registered by an earlier request, the problem carries Retry-After: send the same request again after it.",
            (RetryAfterHeader, RetryAfter(required: false)));
        responses[Unprocessable] = Problem(document, ProblemSchema,
            "The command can never apply to this application, whatever its moment (screening advice for a category that has none, a payment of another amount than the fee due); nothing was stored.");
        responses[PayloadTooLarge] = Problem(document, ProblemSchema, "The body is larger than this operation accepts; it was refused as it arrived.");
        responses[UnsupportedMediaType] = Problem(document, ProblemSchema, "The body is not sent as application/json.");
        responses[TooManyRequests] = Problem(document, ProblemSchema,
            "The caller has used up its request budget for now (per token subject, or per address for anonymous calls).",
            (RetryAfterHeader, Header(document, RetryAfterHeader)));
    }

    /// <summary>The schema of a problem body, by name (registered by the document generator for the endpoints' problems).</summary>
    public static IOpenApiSchema Schema(OpenApiDocument document, string name) => new OpenApiSchemaReference(name, document);

    public static IOpenApiHeader Header(OpenApiDocument document, string name) => new OpenApiHeaderReference(name, document);

    public static IOpenApiResponse Response(OpenApiDocument document, string name) => new OpenApiResponseReference(name, document);

    /// <summary>A problem response's content: application/problem+json (RFC 9457).</summary>
    public static Dictionary<string, OpenApiMediaType> ProblemContent(OpenApiDocument document, string schema) =>
        new(StringComparer.Ordinal) { ["application/problem+json"] = new OpenApiMediaType { Schema = Schema(document, schema) } };

    static OpenApiHeader RetryAfter(bool required) => new()
    {
        Description = "How many seconds to wait before sending the request again (RFC 9110 §10.2.3).",
        Required = required,
        Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64", Minimum = "1" },
    };

    static OpenApiResponse Problem(OpenApiDocument document, string schema, string description, params (string Name, IOpenApiHeader Header)[] headers)
    {
        var response = new OpenApiResponse { Description = description, Content = ProblemContent(document, schema) };
        if (headers.Length > 0)
        {
            response.Headers = headers.ToDictionary(h => h.Name, h => h.Header, StringComparer.Ordinal);
        }

        return response;
    }
}
