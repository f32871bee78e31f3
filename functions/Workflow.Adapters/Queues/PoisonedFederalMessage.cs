namespace Workflow.Adapters.Queues;

/// <summary>
/// What goes to queue <c>federal-decisions-poison</c> (docs/design.md#federal-messages): the original body as text with why it could not
/// be handled, so an operator can fix and replay it. <paramref name="Handling"/> is "malformed",
/// "unknown-application" or "failed" (the handler threw too often); <paramref name="Reason"/> is cut to
/// <see cref="MaxReasonChars"/> and <paramref name="Body"/> to <see cref="MaxBodyChars"/> characters
/// (<paramref name="BodyTruncated"/> says so) to fit a queue message.
/// </summary>
public sealed record PoisonedFederalMessage(
    string Reason,
    string Handling,
    DateTimeOffset ReceivedAt,
    long DequeueCount,
    string OriginalMessageId,
    string Body,
    bool BodyTruncated = false)
{
    /// <summary>Even fully escaped, this many characters keep the envelope under the 64 KiB of a queue message.</summary>
    public const int MaxBodyChars = 8 * 1024;

    /// <summary>A reason says why in a sentence; cut here, the envelope stays under 64 KiB however the reason is escaped.</summary>
    public const int MaxReasonChars = 1000;

    /// <summary>The handling code of a message whose handler kept failing.</summary>
    public const string Failed = "failed";
}
