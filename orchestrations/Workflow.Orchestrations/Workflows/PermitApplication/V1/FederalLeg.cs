using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Domain;

namespace Workflow.Orchestrations.Workflows.PermitApplication.V1;

/// <summary>The federal leg of one workflow: the handoff, its answer or its cancellation (policy times).</summary>
internal sealed class FederalLeg(bool applies)
{
    public FederalLegStatus Status { get; private set; } = applies ? FederalLegStatus.NotStarted : FederalLegStatus.NotApplicable;

    public string? HandoffId { get; private set; }

    public DateTimeOffset? HandedOffAt { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    public IReadOnlyList<string> ReasonCodes { get; private set; } = [];

    /// <summary>The handoff went out and its decision has not come (nor was the leg cancelled).</summary>
    public bool IsAwaitingAnswer => this.Status is FederalLegStatus.HandedOff or FederalLegStatus.Acknowledged or FederalLegStatus.InformationRequested;

    public bool Answers(string handoffId) => this.IsAwaitingAnswer && handoffId == this.HandoffId;

    public bool Concerns(string handoffId) => this.HandoffId is not null && handoffId == this.HandoffId;

    public void HandedOff(string handoffId, DateTimeOffset at)
    {
        this.HandoffId = handoffId;
        this.HandedOffAt = at;
        this.Status = FederalLegStatus.HandedOff;
    }

    public void Acknowledged()
    {
        if (this.Status == FederalLegStatus.HandedOff)
        {
            this.Status = FederalLegStatus.Acknowledged;
        }
    }

    public void InformationRequested() => this.Status = FederalLegStatus.InformationRequested;

    public void Decided(FederalVerdict verdict, IReadOnlyList<string> reasonCodes, DateTimeOffset at)
    {
        this.Status = verdict == FederalVerdict.Approved ? FederalLegStatus.Approved : FederalLegStatus.Refused;
        this.ReasonCodes = reasonCodes;
        this.AnsweredAt = at;
    }

    public void Cancelled() => this.Status = FederalLegStatus.Cancelled;

    public FederalLegSnapshot Snapshot() => new(this.Status, this.HandoffId, this.HandedOffAt, this.AnsweredAt, this.ReasonCodes);
}
