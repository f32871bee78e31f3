using Workflow.Orchestrations.Cases;
using Workflow.Orchestrations.Contracts;

namespace Workflow.Orchestrations.Workflows.RecognitionFollowUp;

/// <summary>
/// One step of a follow-up: its new state and what it does outside, all carried out by one activity under their own
/// keys: the alerts (outbox, keyed application + milestone), the fates of the commands it handled, the timeline rows.
/// </summary>
public sealed record RecognitionTransition(
    RecognitionFollowUpCase State,
    IReadOnlyList<SlaAlert> Alerts,
    IReadOnlyList<CommandSettlement> Settlements,
    IReadOnlyList<CaseStep> Steps,
    bool StateChanged)
{
    /// <summary>Nothing to carry out.</summary>
    public bool IsQuiet => !this.StateChanged && this.Alerts.Count == 0 && this.Settlements.Count == 0 && this.Steps.Count == 0;
}
