using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Workflow.Application.Federal;
using Workflow.Client;
using Workflow.LocalHost;

namespace Workflow.FunctionalTests.Infrastructure;

/// <summary>
/// Clients of the test host made with the client Kiota generated from the OpenAPI document (clients/Workflow.Client):
/// the generated request builders and models, the Kiota HTTP pipeline, and only what a real caller adds by hand, the
/// bearer token or, for the federal office, the webhook's signature.
/// </summary>
internal static class GeneratedClients
{
    /// <summary>A client acting in <paramref name="role"/> (an employer for <paramref name="applicant"/>), with a token signed by the test hosts' key.</summary>
    public static PermitApiClient As(PermitHost host, string role, string? applicant = null)
    {
        ArgumentNullException.ThrowIfNull(host);
        Uri root = host.Api.Http.BaseAddress!;
        string token = LocalTokens.Issue(PermitHostOptions.SigningKey, role, applicant, $"client-{role}", TimeSpan.FromHours(1), DateTimeOffset.UtcNow, name: $"Client {role}");
        return Create(root, new BaseBearerTokenAuthenticationProvider(new BearerTokenProvider(token, root)), KiotaClientFactory.Create());
    }

    /// <summary>A client without a token (the public operations).</summary>
    public static PermitApiClient Anonymous(PermitHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return Create(host.Api.Http.BaseAddress!, new AnonymousAuthenticationProvider(), KiotaClientFactory.Create());
    }

    /// <summary>The federal office: no token, each call signed with the test hosts' webhook secret.</summary>
    public static PermitApiClient FederalOffice(PermitHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var signing = new WebhookSigningHandler(FederalWebhookSignature.TimestampHeader, FederalWebhookSignature.SignatureHeader, PermitHostOptions.WebhookSecret);
        return Create(host.Api.Http.BaseAddress!, new AnonymousAuthenticationProvider(), KiotaClientFactory.Create(signing));
    }

    static PermitApiClient Create(Uri root, IAuthenticationProvider authentication, HttpClient http) =>
        new(new HttpClientRequestAdapter(authentication, httpClient: http) { BaseUrl = root.ToString().TrimEnd('/') });
}
