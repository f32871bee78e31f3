using Workflow.Application.Exclusions;
using Workflow.Orchestrations.Ports;

namespace Workflow.Application.Queries;

/// <summary>
/// An exclusion as the API shows it: the party (an employer's KBO number; a director's person number only on the
/// single exclusion's view, read from Blob storage), where it stands, whether it bars applications submitted now,
/// its terms as they read now, the changes waiting for a second person, and (single view) its whole history.
/// </summary>
public sealed record ExclusionView(
    string ExclusionId,
    ExcludedParty Party,
    string? PartyReference,
    ExclusionStatus Status,
    bool InForce,
    ExclusionTerms Terms,
    IReadOnlyList<string> PendingChanges,
    IReadOnlyList<ExclusionHistoryItem>? History);
