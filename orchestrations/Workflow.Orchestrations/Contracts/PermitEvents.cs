using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Ports;

namespace Workflow.Orchestrations.Contracts;

/// <summary>
/// The external events a permit workflow listens for (docs/design.md#events-and-message-ids): one constant, distinct name per kind. Payloads
/// carry ids and codes only, never personal data. <see cref="PermitMessage.At"/> is stamped by the system when the
/// message was received, never taken from the sender.
/// </summary>
public static class PermitEvents
{
    public const string DocumentsSupplied = nameof(DocumentsSupplied);
    public const string FeePaid = nameof(FeePaid);
    public const string InformationRequested = nameof(InformationRequested);
    public const string CaseworkerDecided = nameof(CaseworkerDecided);
    public const string FederalAcknowledged = nameof(FederalAcknowledged);
    public const string FederalInformationRequested = nameof(FederalInformationRequested);
    public const string FederalDecided = nameof(FederalDecided);
    public const string ThirdPartyRequested = nameof(ThirdPartyRequested);
    public const string ThirdPartyAnswered = nameof(ThirdPartyAnswered);

    // From workflow version 2.0 on (version 1.0 instances never receive them: the API refuses these commands for them).
    public const string FeeReversed = nameof(FeeReversed);
    public const string ApplicationWithdrawn = nameof(ApplicationWithdrawn);
    public const string ApplicationCorrected = nameof(ApplicationCorrected);
}

/// <summary>The common envelope: every message has an id (for de-duplication) and a correlation id (for tracing).</summary>
public abstract record PermitMessage(string MessageId, string CorrelationId, DateTimeOffset At);

/// <summary>
/// The employer supplied documents (their content is in the dossier). <paramref name="AnswersRequestId"/>, when given,
/// names the information request they answer (without it, documents answer the open request, if any).
/// </summary>
public sealed record DocumentsSupplied(string MessageId, string CorrelationId, DateTimeOffset At, IReadOnlyList<string> DocumentTypes, string? AnswersRequestId = null)
    : PermitMessage(MessageId, CorrelationId, At);

/// <summary>The fee was paid: from version 2.0 on, confirmed by the payment service provider's signed callback.</summary>
public sealed record FeePaid(string MessageId, string CorrelationId, DateTimeOffset At, string PaymentId, long AmountCents, string Currency)
    : PermitMessage(MessageId, CorrelationId, At);

/// <summary>The payment service provider reversed the payment <paramref name="PaymentId"/> (a chargeback): the fee is due again.</summary>
public sealed record FeeReversed(string MessageId, string CorrelationId, DateTimeOffset At, string PaymentId)
    : PermitMessage(MessageId, CorrelationId, At);

/// <summary>The applicant withdrew the application before the decision (its reason, if given, is in the dossier).</summary>
public sealed record ApplicationWithdrawn(string MessageId, string CorrelationId, DateTimeOffset At, string WithdrawalId)
    : PermitMessage(MessageId, CorrelationId, At);

/// <summary>The applicant corrected the application before the decision; the corrected application is in the dossier.</summary>
public sealed record ApplicationCorrected(string MessageId, string CorrelationId, DateTimeOffset At, string CorrectionId, IReadOnlyList<string> Sections)
    : PermitMessage(MessageId, CorrelationId, At);

/// <summary>The caseworker asked the employer for information (the question is in the dossier); the SLA clock pauses.</summary>
public sealed record InformationRequested(string MessageId, string CorrelationId, DateTimeOffset At, string RequestId, int DeadlineDays)
    : PermitMessage(MessageId, CorrelationId, At);

/// <summary>
/// The caseworker's decision; the motivation is in the dossier, not here. <c>OverrideRecorded</c>: the caseworker
/// recorded (in the dossier) why an approval goes against a negative third-party answer.
/// </summary>
public sealed record CaseworkerDecided(
    string MessageId,
    string CorrelationId,
    DateTimeOffset At,
    string DecisionId,
    CaseworkerVerdict Verdict,
    IReadOnlyList<string> Grounds,
    bool OverrideRecorded = false) : PermitMessage(MessageId, CorrelationId, At);

/// <summary>The federal office acknowledged the handoff <paramref name="HandoffId"/>.</summary>
public sealed record FederalAcknowledged(string MessageId, string CorrelationId, DateTimeOffset At, string HandoffId)
    : PermitMessage(MessageId, CorrelationId, At);

/// <summary>The federal office asked for information on its leg (it does not pause the Flemish clock).</summary>
public sealed record FederalInformationRequested(string MessageId, string CorrelationId, DateTimeOffset At, string HandoffId)
    : PermitMessage(MessageId, CorrelationId, At);

/// <summary>The federal office decided on residence for the handoff <paramref name="HandoffId"/>.</summary>
public sealed record FederalDecided(
    string MessageId,
    string CorrelationId,
    DateTimeOffset At,
    string HandoffId,
    FederalVerdict Verdict,
    IReadOnlyList<string> ReasonCodes) : PermitMessage(MessageId, CorrelationId, At);

/// <summary>
/// The caseworker asked a third party (document authentication, §2.1 art. 63 BVR; screening advice, §2.7): a wait with a
/// deadline that does not pause the SLA clock (docs/design.md#sla-semantics: waits on third parties do not pause it).
/// </summary>
public sealed record ThirdPartyRequested(
    string MessageId,
    string CorrelationId,
    DateTimeOffset At,
    string RequestId,
    ThirdPartyKind Kind,
    ThirdPartyAuthority Authority,
    string? DocumentType,
    int DeadlineDays) : PermitMessage(MessageId, CorrelationId, At);

/// <summary>A third party answered request <paramref name="RequestId"/> (its full answer is in the dossier).</summary>
public sealed record ThirdPartyAnswered(string MessageId, string CorrelationId, DateTimeOffset At, string RequestId, ThirdPartyAnswer Answer, string? AnswerId = null)
    : PermitMessage(MessageId, CorrelationId, At);
