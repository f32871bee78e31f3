using Workflow.Application.Access;

namespace Workflow.Application.Exclusions;

/// <summary>A second person, not the change's author, confirmed a proposed lift or correction: from then on it applies.</summary>
public sealed record ChangeConfirmed(string ExclusionId, string ChangeId, ExclusionChangeKind Kind, Actor By, DateTimeOffset At)
    : ExclusionChangeEntry(ExclusionId, ChangeId, By, At)
{
    public const string LiftCode = "lift-confirmed";
    public const string CorrectionCode = "correction-confirmed";

    public override string Slot => $"{ChangeSlot(this.ChangeId)}|confirmation";

    public override string EventName => this.Kind == ExclusionChangeKind.Lift ? LiftCode : CorrectionCode;

    public override bool SameRequestAs(ExclusionEntry other) =>
        other is ChangeConfirmed confirmed && confirmed.ExclusionId == this.ExclusionId && confirmed.ChangeId == this.ChangeId && SamePerson(confirmed.By, this.By);
}
