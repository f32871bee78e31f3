namespace Workflow.Application.Http.OpenApi;

/// <summary>
/// Endpoint metadata of a webhook authenticated by <see cref="WebhookSignature"/> instead of a bearer token: the
/// document describes its two headers as required parameters and the scheme in the operation's description.
/// </summary>
/// <param name="TimestampHeader">The header with the Unix time of signing.</param>
/// <param name="SignatureHeader">The header with <c>sha256=</c> and the MAC.</param>
/// <param name="Signer">Who signs, as the description names it ("the federal office").</param>
/// <param name="SecretSetting">The setting that holds the shared secret.</param>
public sealed record SignedWebhook(string TimestampHeader, string SignatureHeader, string Signer, string SecretSetting);
