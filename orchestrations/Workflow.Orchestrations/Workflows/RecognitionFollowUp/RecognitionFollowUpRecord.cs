using Workflow.Orchestrations.Cases;
using Workflow.Orchestrations.Contracts;

namespace Workflow.Orchestrations.Workflows.RecognitionFollowUp;

/// <summary>
/// What one transition of a follow-up writes: its alerts, the fates of its commands, its timeline rows, and its new
/// state when it changed. <paramref name="At"/> is real time.
/// </summary>
public sealed record RecognitionFollowUpRecord(
    string ApplicationId,
    DateTimeOffset At,
    IReadOnlyList<SlaAlert> Alerts,
    IReadOnlyList<CommandSettlement> Settlements,
    IReadOnlyList<CaseStep> Steps,
    RecognitionFollowUpCase? State);
