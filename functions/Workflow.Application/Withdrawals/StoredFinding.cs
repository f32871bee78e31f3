using System.Text.Json.Serialization;
using Workflow.Application.Access;
using Workflow.Orchestrations.Domain;

namespace Workflow.Application.Withdrawals;

/// <summary>
/// A finding as the withdrawals table keeps it, with the withdrawal it started: the authorisation (its application, its
/// employer's key and category), the ground, the evidence references and summary (internal), who filed it and when.
/// </summary>
public sealed record StoredFinding(
    string WithdrawalId,
    string FindingId,
    string AuthorisationId,
    string Employer,
    PermitCategory Category,
    string Ground,
    IReadOnlyList<string> Evidence,
    string? Summary,
    Actor By,
    DateTimeOffset At,
    [property: JsonIgnore] string Fingerprint);
