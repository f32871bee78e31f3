using Workflow.Application.Access;
using Workflow.Orchestrations.Contracts;

namespace Workflow.Application.Withdrawals;

/// <summary>A command on the withdrawal and its fate: pending until the workflow handled it, then accepted or rejected with the reason.</summary>
public sealed record WithdrawalCommandView(string Kind, string CommandId, CommandFate Fate, string? Reason, Actor By, DateTimeOffset At);
