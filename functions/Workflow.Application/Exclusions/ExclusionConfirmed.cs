using Workflow.Application.Access;

namespace Workflow.Application.Exclusions;

/// <summary>A second person, not the author, confirmed the proposed exclusion: from then on it is in force (on the dates its terms cover).</summary>
public sealed record ExclusionConfirmed(string ExclusionId, Actor By, DateTimeOffset At) : ExclusionEntry(ExclusionId, By, At)
{
    public const string Code = "exclusion-confirmed";

    public override string Slot => "confirmation";

    public override string EventName => Code;

    public override bool SameRequestAs(ExclusionEntry other) =>
        other is ExclusionConfirmed confirmed && confirmed.ExclusionId == this.ExclusionId && SamePerson(confirmed.By, this.By);
}
