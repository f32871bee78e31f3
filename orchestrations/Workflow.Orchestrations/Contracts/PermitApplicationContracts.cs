using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Policy;

namespace Workflow.Orchestrations.Contracts;

/// <summary>
/// The input of a permit workflow: ids, codes and the resolved policy only (no personal data). The policy-day length
/// is stamped here so the instance keeps its time scale whatever the setting becomes later. <c>Renews</c>: for a renewal,
/// the application id of the authorisation it renews (absent in inputs written before renewals existed).
/// </summary>
public sealed record PermitApplicationInput(
    string ApplicationId,
    PermitCategory Category,
    DateTimeOffset SubmittedAt,
    TimeSpan PolicyDayLength,
    PermitTerms Terms,
    bool FunctionExcluded = false,
    string? Renews = null)
{
    public PolicyClock Clock() => new(this.SubmittedAt, this.PolicyDayLength);
}

/// <summary>The output of a permit workflow.</summary>
public sealed record PermitApplicationResult(
    Outcome Outcome,
    IReadOnlyList<string> Grounds,
    DateTimeOffset DecidedAt,
    string LetterReference);

/// <summary>The custom status: where the workflow is, in codes (docs/design.md#no-personal-data-in-history).</summary>
public sealed record PermitStatus(
    Stage Stage,
    SlaState Sla,
    DateTimeOffset? DueAt,
    FederalLegStatus Federal,
    IReadOnlyList<string> AwaitingItems,
    Outcome? Outcome);
