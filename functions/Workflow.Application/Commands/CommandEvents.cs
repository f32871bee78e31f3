using Workflow.Orchestrations.Contracts;

namespace Workflow.Application.Commands;

/// <summary>The audit rows the API writes when it receives a command (with its sender), one code per command kind.</summary>
public static class CommandEvents
{
    public const string DocumentsReceived = "documents-received";
    public const string PaymentStarted = "payment-started";
    public const string PaymentEventReceived = "payment-event-received";
    public const string PaymentReversedAfterDecision = "payment-reversed-after-decision";
    public const string InformationRequestReceived = "information-request-received";
    public const string InformationConsentReceived = "information-consent-received";
    public const string ThirdPartyRequestReceived = "third-party-request-received";
    public const string ThirdPartyAnswerReceived = "third-party-answer-received";
    public const string DecisionReceived = "decision-received";
    public const string WithdrawalReceived = "withdrawal-received";
    public const string CorrectionReceived = "correction-received";

    /// <summary>A caseworker or manager read the one-view (personal data): who and when.</summary>
    public const string OneViewRead = "one-view-read";

    /// <summary>Someone read a document's content from the dossier (personal data): who, when, which document.</summary>
    public const string DocumentRead = "document-read";

    /// <summary>A worker exported the personal data held about them (GDPR access): who and when.</summary>
    public const string PersonalDataExported = "personal-data-exported";

    public static string Received(string kind) => kind switch
    {
        CommandKinds.Documents => DocumentsReceived,
        CommandKinds.Payment => PaymentStarted,
        CommandKinds.PaymentEvent => PaymentEventReceived,
        CommandKinds.InformationRequest => InformationRequestReceived,
        CommandKinds.InformationConsent => InformationConsentReceived,
        CommandKinds.ThirdPartyRequest => ThirdPartyRequestReceived,
        CommandKinds.ThirdPartyAnswer => ThirdPartyAnswerReceived,
        CommandKinds.Decision => DecisionReceived,
        CommandKinds.Withdrawal => WithdrawalReceived,
        CommandKinds.Correction => CorrectionReceived,
        _ => $"{kind}-received",
    };
}
