namespace Workflow.Orchestrations.Ports;

/// <summary>An exclusion the registry found in force for a party: its id, the kind of party, its key and its terms at that instant.</summary>
public sealed record ExclusionInForce(string ExclusionId, ExcludedParty Party, string PartyKey, ExclusionTerms Terms);
