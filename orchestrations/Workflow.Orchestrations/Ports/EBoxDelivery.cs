namespace Workflow.Orchestrations.Ports;

/// <summary>
/// A letter for an enterprise's e-Box, addressed by its KBO number. <paramref name="IdempotencyKey"/> makes sure it is
/// delivered once, however often the delivery is retried. <paramref name="Subject"/> names the letter and the
/// application (no personal data); the letter itself is <paramref name="Letter"/>, named <paramref name="LetterName"/>
/// in the dossier.
/// </summary>
public sealed record EBoxDelivery(
    string IdempotencyKey,
    string ApplicationId,
    string EnterpriseNumber,
    string Subject,
    string LetterName,
    LetterFile Letter);
