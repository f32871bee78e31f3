namespace Workflow.Application.Operations;

/// <summary>
/// The answer to a restart: the application, the failure it was restarted from (the exception type the engine recorded),
/// and how many recorded commands were raised again on the new run.
/// </summary>
public sealed record RestartReceipt(string ApplicationId, string StatusUrl, string? Failure, int CommandsRaisedAgain);
