namespace Workflow.Adapters.Parties;

/// <summary>One outside party as a host serves it: the port, the adapter behind it, and whether that adapter is a simulation.</summary>
public sealed record WiredParty(string Party, string Port, string Adapter, bool Simulated);
