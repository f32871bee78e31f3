namespace Workflow.LocalHost.Bench;

/// <summary>
/// One storage request as the bench counts it: the service, the resource it touched (a queue, a table, a blob
/// container; "(account)" for account-level calls), the operation, and whether Azure bills it as a write
/// (<see cref="StoragePrices"/>).
/// </summary>
public sealed record StorageRequest(StorageService Service, string Resource, string Operation, bool BilledAsWrite);
