using Workflow.Application.Access;
using Workflow.Orchestrations.Ports;

namespace Workflow.Application.Queries;

/// <summary>
/// One entry of an exclusion's history as the API shows it: what happened (<c>exclusion-proposed</c>,
/// <c>exclusion-confirmed</c>, <c>lift-proposed</c>, <c>correction-proposed</c>, <c>lift-confirmed</c>,
/// <c>correction-confirmed</c>), who (role, subject, display name) and when; the terms a proposal or correction states,
/// the reason and decision of a lift.
/// </summary>
public sealed record ExclusionHistoryItem(
    string Event, string? ChangeId, Actor By, DateTimeOffset At, ExclusionTerms? Terms, string? ReasonCode, string? DecisionReference);
