using Workflow.Orchestrations.Contracts;

namespace Workflow.Application.Withdrawals;

/// <summary>The answer to a command on a withdrawal (202 the first time, 200 for a repeat): its fate so far, and where the withdrawal is read.</summary>
public sealed record WithdrawalCommandAnswer(string WithdrawalId, string Kind, string CommandId, CommandFate Fate, string? Reason, bool Repeated, string WithdrawalUrl);
