namespace Workflow.Orchestrations.Withdrawals;

/// <summary>
/// A command raised on a withdrawal workflow. <paramref name="MessageId"/> is <c>{kind}:{command id}</c>: the workflow
/// acts on a message id once and reports its fate onto the command's record under it.
/// </summary>
public abstract record WithdrawalMessage(string MessageId);
