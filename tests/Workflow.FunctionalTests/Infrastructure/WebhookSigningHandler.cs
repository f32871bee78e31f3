using Workflow.Application.Http;

namespace Workflow.FunctionalTests.Infrastructure;

/// <summary>
/// Signs calls to a signed webhook as its sender does (<see cref="WebhookSignature"/>): the two headers over the exact
/// bytes the client sends, whatever serialized them.
/// </summary>
internal sealed class WebhookSigningHandler(string timestampHeader, string signatureHeader, string secret) : DelegatingHandler(new HttpClientHandler())
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        byte[] body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        (string timestamp, string signature) = WebhookSignature.Sign(body, secret, DateTimeOffset.UtcNow);
        request.Headers.Add(timestampHeader, timestamp);
        request.Headers.Add(signatureHeader, signature);
        return await base.SendAsync(request, cancellationToken);
    }
}
