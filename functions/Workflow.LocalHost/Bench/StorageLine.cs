namespace Workflow.LocalHost.Bench;

/// <summary>Requests counted for one service, resource and operation (per second for idle polling, in all for a phase).</summary>
public sealed record StorageLine(string Service, string Resource, string Operation, double Count);
