namespace Workflow.Orchestrations.Contracts;

/// <summary>
/// The kinds of command a person or a party sends about an application. A command is recorded once, keyed by
/// (application, kind, command id); the event it raises carries the message id <c>{kind}:{command id}</c>, by which the
/// workflow de-duplicates it and reports its fate back onto the record.
/// </summary>
public static class CommandKinds
{
    /// <summary>The applicant supplies documents; the id is the batch's content hash.</summary>
    public const string Documents = "documents";

    /// <summary>The applicant starts a fee payment at the payment service provider (no event: the provider confirms).</summary>
    public const string Payment = "payment";

    /// <summary>The payment service provider's signed callback: a payment confirmed, failed or reversed.</summary>
    public const string PaymentEvent = "payment-event";

    public const string InformationRequest = "information-request";

    /// <summary>A manager's consent to an information request beyond the limit; its id is the request's id.</summary>
    public const string InformationConsent = "information-consent";

    public const string ThirdPartyRequest = "third-party";

    public const string ThirdPartyAnswer = "third-party-answer";

    /// <summary>The caseworker's decision: one slot per application, whatever the decision id.</summary>
    public const string Decision = "decision";

    /// <summary>The applicant withdraws the application: one slot per application.</summary>
    public const string Withdrawal = "withdrawal";

    public const string Correction = "correction";

    /// <summary>A message of the federal office (webhook or queue), keyed by the office's own message id.</summary>
    public const string Federal = "federal";

    /// <summary>The commands the applicant sends; what they read about them must be fit for the applicant's eyes.</summary>
    public static IReadOnlySet<string> ApplicantKinds { get; } = new HashSet<string>(StringComparer.Ordinal) { Documents, Payment, PaymentEvent, Withdrawal, Correction };

    public static string MessageId(string kind, string commandId) => $"{kind}:{commandId}";

    /// <summary>The kind of a message id made by <see cref="MessageId"/>, or null for a message id of another shape.</summary>
    public static string? KindOf(string messageId)
    {
        ArgumentNullException.ThrowIfNull(messageId);
        int colon = messageId.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 ? messageId[..colon] : null;
    }
}
