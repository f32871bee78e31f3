using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;
using Workflow.Application.Access;
using Workflow.Orchestrations.Contracts;

namespace Workflow.Application.Http.OpenApi;

/// <summary>
/// Makes each operation say what the endpoint does on the wire, from the endpoint's own metadata: who may call it (the
/// bearer scheme with the roles of its policy, or the signed webhook's headers, or nobody in particular), every answer
/// the API gives it (the problems of <see cref="ApiComponents"/>: 400, 401, 403, 404, 409 with Retry-After where the
/// application may still be registering, 413 and 415 for bodies, 429 with Retry-After everywhere, since every endpoint
/// is rate limited), where a 202 points (Location), its query parameters, and a description.
/// </summary>
internal sealed class OperationContract : IOpenApiOperationTransformer
{
    static readonly Dictionary<string, string> PathParameters = new(StringComparer.Ordinal)
    {
        ["id"] = "The application id (`wp-` and 52 base32 characters), as the submission answered it.",
        ["requestId"] = "The id the caseworker gave the request.",
        ["kind"] = "The kind of command: " + string.Join(", ", new[]
        {
            CommandKinds.Documents, CommandKinds.Payment, CommandKinds.PaymentEvent, CommandKinds.Withdrawal, CommandKinds.Correction,
            CommandKinds.InformationRequest, CommandKinds.InformationConsent, CommandKinds.ThirdPartyRequest, CommandKinds.ThirdPartyAnswer,
            CommandKinds.Decision, CommandKinds.Federal,
        }) + ".",
        ["commandId"] = "The id the sender gave the command.",
        ["exclusionId"] = "The id the proposer gave the exclusion.",
        ["changeId"] = "The id the proposer gave the lift or correction.",
        ["type"] = "The document's type, as the document list names it (passport, diploma, ...).",
        ["reference"] = "The misuse report's reference, as the answer to the report gave it (\"MR-\" and 40 hex digits).",
        ["sha256"] = "The SHA-256 of the document's content in lowercase hex, as the document list names it.",
        ["withdrawalId"] = "The withdrawal's id (\"wd-\" and 24 hex digits), as the answer to the finding gave it.",
        ["letter"] = "The letter: hearing-invitation or withdrawal-decision.",
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        OpenApiDocument document = context.Document ?? throw new InvalidOperationException("The operation has no document.");
        ApiComponents.Register(document);
        IList<object> metadata = context.Description.ActionDescriptor.EndpointMetadata;
        bool anonymous = metadata.OfType<IAllowAnonymous>().Any();
        SignedWebhook? webhook = metadata.OfType<SignedWebhook>().LastOrDefault();
        operation.Responses ??= [];
        OpenApiResponses responses = operation.Responses;
        bool hasBody = operation.RequestBody is not null;

        // The endpoint's summary, not the handler's code comment (the XML documentation transformer puts that there).
        if (metadata.OfType<IEndpointSummaryMetadata>().LastOrDefault()?.Summary is { } summary)
        {
            operation.Summary = summary;
        }

        string access;
        if (!anonymous)
        {
            List<string> roles = [.. metadata.OfType<IAuthorizeData>()
                .Select(a => a.Policy)
                .SelectMany(policy => policy is not null && AccessPolicies.RolesOf.TryGetValue(policy, out IReadOnlyList<string>? admitted) ? admitted : [])
                .Distinct(StringComparer.Ordinal)];
            operation.Security =
            [
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiComponents.BearerScheme, document)] = [] },
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiComponents.EntraIdScheme, document)] = [] },
            ];
            responses["401"] = ApiComponents.Response(document, ApiComponents.Unauthorized);
            responses["403"] = ApiComponents.Response(document, ApiComponents.Forbidden);
            access = $"Who may call it: a bearer token in the role {string.Join(" or ", roles)}.";
        }
        else if (webhook is not null)
        {
            operation.Security = [new OpenApiSecurityRequirement()]; // no bearer token: the signature headers below
            operation.Parameters ??= [];
            operation.Parameters.Add(SignatureParameter(webhook.TimestampHeader, "The Unix time (seconds) of signing; within 5 minutes of the server's clock.", "^[0-9]{1,19}$"));
            operation.Parameters.Add(SignatureParameter(
                webhook.SignatureHeader, $"`sha256=` and the hex HMAC-SHA256 of `{{timestamp}}.{{body}}` under the shared secret.", "^[Ss][Hh][Aa]256=[0-9A-Fa-f]{64}$"));
            responses["401"] = ApiComponents.Response(document, ApiComponents.SignatureRefused);
            access = $"Who may call it: {webhook.Signer}, without a bearer token. Each call is signed: header `{webhook.TimestampHeader}` carries the Unix "
                + $"time of signing, header `{webhook.SignatureHeader}` `sha256=` and the lowercase hex HMAC-SHA256, under the shared secret "
                + $"(`{webhook.SecretSetting}`), of the timestamp, a period and the exact bytes of the body. The server compares in constant time "
                + "and refuses (401) an unsigned or forged call and one signed more than 5 minutes away from its clock; a replay within "
                + "the window is harmless (the message id is recorded once).";
        }
        else
        {
            operation.Security = [new OpenApiSecurityRequirement()];
            access = "Who may call it: anybody; it needs no token (public information).";
        }

        foreach ((string name, IOpenApiParameter parameter) in (operation.Parameters ?? []).Select(p => (p.Name ?? "", p)))
        {
            if (parameter is OpenApiParameter { In: ParameterLocation.Path } path && PathParameters.TryGetValue(name, out string? description))
            {
                path.Description = description;
            }
        }

        List<QueryParameter> queries = [.. metadata.OfType<QueryParameter>()];
        if (queries.Count > 0)
        {
            operation.Parameters ??= [];
            foreach (QueryParameter query in queries)
            {
                IOpenApiParameter? found = operation.Parameters.FirstOrDefault(p => p.Name == query.Name && p.In == ParameterLocation.Query);
                if (found is not null)
                {
                    operation.Parameters.Remove(found);
                }

                operation.Parameters.Add(Query(query));
            }
        }

        if (hasBody || queries.Count > 0 || responses.ContainsKey("400"))
        {
            responses["400"] = ApiComponents.Response(document, ApiComponents.BadRequest);
        }

        if (operation.Parameters?.Any(p => p.In == ParameterLocation.Path) == true || responses.ContainsKey("404"))
        {
            responses["404"] = ApiComponents.Response(document, ApiComponents.NotFound);
        }

        if (responses.ContainsKey("409"))
        {
            responses["409"] = ApiComponents.Response(
                document, metadata.OfType<RetriesWhileRegistering>().Any() ? ApiComponents.ConflictWhileRegistering : ApiComponents.Conflict);
        }

        if (hasBody)
        {
            responses["413"] = ApiComponents.Response(document, ApiComponents.PayloadTooLarge);
            responses["415"] = ApiComponents.Response(document, ApiComponents.UnsupportedMediaType);
        }

        responses["429"] = ApiComponents.Response(document, ApiComponents.TooManyRequests);
        if (responses.ContainsKey("422"))
        {
            responses["422"] = ApiComponents.Response(document, ApiComponents.Unprocessable);
        }

        SuccessResponses.Describe(operation, document, webhook is not null);

        string budget = metadata.OfType<EnableRateLimitingAttribute>().LastOrDefault()?.PolicyName == CallerRateLimits.Submissions
            ? "the caller's submission budget (submissions and document uploads)"
            : "the caller's request budget";
        // The summary, what the endpoint says of itself beyond it (WithDescription), who may call it and its budget.
        string? own = string.IsNullOrWhiteSpace(operation.Description) ? null : $"\n\n{operation.Description}";
        operation.Description = $"{operation.Summary}{own}\n\n{access}\n\nRate limit: each call counts against {budget}, per token subject "
            + "(per address for calls without a token); over it, 429 with Retry-After.";
        operation.Responses = Ordered(responses);
        return Task.CompletedTask;
    }

    static OpenApiParameter SignatureParameter(string name, string description, string pattern) => new()
    {
        Name = name,
        In = ParameterLocation.Header,
        Required = true,
        Description = description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String, Pattern = pattern },
    };

    static OpenApiParameter Query(QueryParameter query) => new()
    {
        Name = query.Name,
        In = ParameterLocation.Query,
        Required = false,
        Description = query.Description,
        Schema = query.Minimum is int minimum
            ? new OpenApiSchema
            {
                Type = JsonSchemaType.Integer,
                Format = "int32",
                Minimum = minimum.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Maximum = query.Maximum?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }
            : new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 1024 },
    };

    /// <summary>The responses in status order, so the document reads (and diffs) the same whatever order they were added in.</summary>
    static OpenApiResponses Ordered(OpenApiResponses responses)
    {
        var ordered = new OpenApiResponses();
        foreach ((string status, IOpenApiResponse response) in responses.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            ordered[status] = response;
        }

        return ordered;
    }
}
