using Workflow.Application.Exclusions;

namespace Workflow.Application.Ports;

/// <summary>What an append found: the entry in the slot, and whether it is the one just recorded (else an earlier one).</summary>
public sealed record LedgerAppend(ExclusionEntry Stored, bool IsNew);
