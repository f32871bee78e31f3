using Workflow.Orchestrations.Domain;

namespace Workflow.Application.Commands;

/// <summary><c>POST /api/applications/{id}/payments</c>: the fee, in EUR with at most two decimals.</summary>
public sealed record PaymentRequest(string? PaymentId, decimal? Amount, string? Currency);

/// <summary><c>POST /api/applications/{id}/information-requests</c>: the caseworker's question to the employer; pauses the SLA clock.</summary>
public sealed record InformationRequestRequest(string? RequestId, string? Question, int? DeadlineDays);

/// <summary><c>POST /api/applications/{id}/decision</c>: the caseworker's decision, its named grounds and motivation (kept in the dossier only).</summary>
public sealed record DecisionRequest(string? DecisionId, CaseworkerVerdict? Verdict, IReadOnlyList<string>? Grounds, string? Motivation);

/// <summary>What the dossier keeps of an information request.</summary>
public sealed record InformationRequestRecord(string RequestId, string Question, int DeadlineDays, DateTimeOffset RequestedAt);

/// <summary>What the dossier keeps of a caseworker decision, motivation included.</summary>
public sealed record DecisionRecord(string DecisionId, CaseworkerVerdict Verdict, IReadOnlyList<string> Grounds, string Motivation, DateTimeOffset DecidedAt);
