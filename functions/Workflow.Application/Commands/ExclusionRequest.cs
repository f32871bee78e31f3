using Workflow.Orchestrations.Ports;

namespace Workflow.Application.Commands;

/// <summary>
/// <c>POST /api/exclusions</c>: proposes an exclusion of an employer (by KBO number) or a director (by INSZ or BIS
/// number) after earlier violations (§2.1). <paramref name="ExclusionId"/> is the client's id: the same request again
/// is answered with the first result.
/// </summary>
public sealed record ExclusionRequest(
    string? ExclusionId, ExcludedParty? Party, string? PartyReference, DateOnly? From, DateOnly? Until, string? ReasonCode, string? DecisionReference);
