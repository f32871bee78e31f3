namespace Workflow.LocalHost.Bench;

/// <summary>Requests counted for one service, resource and operation: in all for a phase, per second for idle polling.</summary>
public sealed record StorageLine(string Service, string Resource, string Operation, double Count);
