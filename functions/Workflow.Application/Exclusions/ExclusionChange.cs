namespace Workflow.Application.Exclusions;

/// <summary>A proposed lift or correction and, once a second person confirmed it, its confirmation.</summary>
public sealed record ExclusionChange(ExclusionChangeEntry Proposal, ChangeConfirmed? Confirmation)
{
    public string ChangeId => this.Proposal.ChangeId;

    public ExclusionChangeKind Kind => this.Proposal is LiftProposed ? ExclusionChangeKind.Lift : ExclusionChangeKind.Correction;
}
