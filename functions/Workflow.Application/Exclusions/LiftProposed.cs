using Workflow.Application.Access;

namespace Workflow.Application.Exclusions;

/// <summary>A lift of a confirmed exclusion, proposed with its reason and the decision that lifts it; in force once a second person confirms it.</summary>
public sealed record LiftProposed(string ExclusionId, string ChangeId, string ReasonCode, string DecisionReference, Actor By, DateTimeOffset At)
    : ExclusionChangeEntry(ExclusionId, ChangeId, By, At)
{
    public const string Code = "lift-proposed";

    public override string Slot => ChangeSlot(this.ChangeId);

    public override string EventName => Code;

    public override bool SameRequestAs(ExclusionEntry other) =>
        other is LiftProposed lift && lift.ExclusionId == this.ExclusionId && lift.ChangeId == this.ChangeId && lift.ReasonCode == this.ReasonCode
            && lift.DecisionReference == this.DecisionReference && SamePerson(lift.By, this.By);
}
