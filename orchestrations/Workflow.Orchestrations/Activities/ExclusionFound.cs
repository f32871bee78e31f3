using Workflow.Orchestrations.Ports;

namespace Workflow.Orchestrations.Activities;

/// <summary>
/// An exclusion admissibility found, as the dossier keeps it for the caseworker: the kind of party, who (the KBO number,
/// or the director's person number as KBO listed it: personal data, dossier only), the terms, and the registry's id
/// (absent in records made before exclusions had ids).
/// </summary>
public sealed record ExclusionFound(ExcludedParty Party, string PartyReference, DateOnly From, DateOnly? Until, string ReasonCode, string DecisionReference, string? ExclusionId);
