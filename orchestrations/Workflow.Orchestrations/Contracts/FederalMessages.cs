using Workflow.Orchestrations.Domain;

namespace Workflow.Orchestrations.Contracts;

/// <summary>Kinds of message the Flemish side sends the federal office (queue <c>federal-handoff</c>).</summary>
public enum FederalOutboundKind
{
    Handoff,
    Cancellation,

    /// <summary>
    /// A granted authorisation was withdrawn (§2.1): the residence it supported is the office's to review. The handoff id
    /// is the withdrawal's id; the office acknowledges it and sends nothing else.
    /// </summary>
    Withdrawal,
}

/// <summary>
/// A message to the federal office. It refers to the dossier rather than carrying it: the personal data stays in the
/// dossier store, which the federal office reads through its own authorised channel.
/// </summary>
public sealed record FederalOutboundMessage(
    string MessageId,
    FederalOutboundKind Kind,
    string ApplicationId,
    string HandoffId,
    string CorrelationId,
    PermitCategory Category,
    DateTimeOffset SentAt);

/// <summary>Kinds of message the federal office sends back (queue <c>federal-decisions</c> or the webhook).</summary>
public enum FederalInboundKind
{
    Acknowledgement,
    InformationRequest,
    Decision,
}

/// <summary>A message from the federal office, as it arrives. Validated by the decisions handler before use.</summary>
public sealed record FederalInboundMessage(
    string MessageId,
    FederalInboundKind Kind,
    string ApplicationId,
    string HandoffId,
    string? CorrelationId = null,
    FederalVerdict? Decision = null,
    IReadOnlyList<string>? ReasonCodes = null);
