using Workflow.Orchestrations.Domain;

namespace Workflow.Application.Commands;

/// <summary>
/// <c>POST /api/applications/{id}/payments</c>: the applicant starts paying the fee at the payment service provider.
/// The amount and currency, when given, must be the fee due (the provider is told the fee, never the sender's amount).
/// </summary>
public sealed record PaymentRequest(string? PaymentId, decimal? Amount = null, string? Currency = null);

/// <summary><c>POST /api/applications/{id}/withdrawal</c>: the applicant withdraws the application before the decision.</summary>
public sealed record WithdrawalRequest(string? WithdrawalId, string? Reason = null);

/// <summary>The employer's name and contact, as a correction gives them (the KBO number cannot change).</summary>
public sealed record EmployerCorrectionInput(string? Name, string? ContactEmail);

/// <summary>
/// <c>POST /api/applications/{id}/corrections</c>: the applicant corrects the application before the decision; each
/// section given replaces the one filed.
/// </summary>
public sealed record CorrectionRequest(
    string? CorrectionId,
    EmployerCorrectionInput? Employer = null,
    Submissions.WorkerInput? Worker = null,
    Submissions.JobInput? Job = null,
    Submissions.LabourMarketTestInput? LabourMarketTest = null);

/// <summary><c>POST /api/applications/{id}/information-requests/{requestId}/consent</c>: a manager's consent to a request beyond the limit.</summary>
public sealed record InformationConsentRequest(bool? Grant, string? Reason);

/// <summary><c>POST /api/applications/{id}/information-requests</c>: the caseworker's question to the employer; pauses the SLA clock.</summary>
public sealed record InformationRequestRequest(string? RequestId, string? Question, int? DeadlineDays);

/// <summary>
/// <c>POST /api/applications/{id}/decision</c>: the caseworker's decision, its named grounds and motivation (kept in the
/// dossier only). <c>OverrideReason</c>: why an approval goes against a negative third-party answer (a document found
/// false, unfavourable advice); required then, refused otherwise, kept in the dossier only.
/// </summary>
public sealed record DecisionRequest(string? DecisionId, CaseworkerVerdict? Verdict, IReadOnlyList<string>? Grounds, string? Motivation, string? OverrideReason = null);

/// <summary>What the dossier keeps of an information request.</summary>
public sealed record InformationRequestRecord(string RequestId, string Question, int DeadlineDays, DateTimeOffset RequestedAt);

/// <summary>What the dossier keeps of a withdrawal (its reason is the applicant's own words).</summary>
public sealed record WithdrawalRecord(string WithdrawalId, string? Reason, DateTimeOffset ReceivedAt);

/// <summary>What the dossier keeps of a caseworker decision, motivation and any override reason included.</summary>
public sealed record DecisionRecord(string DecisionId, CaseworkerVerdict Verdict, IReadOnlyList<string> Grounds, string Motivation, DateTimeOffset DecidedAt, string? OverrideReason = null);
