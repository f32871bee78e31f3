using Workflow.Application.Access;
using Workflow.Orchestrations.Ports;

namespace Workflow.Application.Exclusions;

/// <summary>A correction of a confirmed exclusion: its terms as they should read; in force once a second person confirms it.</summary>
public sealed record CorrectionProposed(string ExclusionId, string ChangeId, ExclusionTerms Terms, Actor By, DateTimeOffset At)
    : ExclusionChangeEntry(ExclusionId, ChangeId, By, At)
{
    public const string Code = "correction-proposed";

    public override string Slot => ChangeSlot(this.ChangeId);

    public override string EventName => Code;

    public override bool SameRequestAs(ExclusionEntry other) =>
        other is CorrectionProposed correction && correction.ExclusionId == this.ExclusionId && correction.ChangeId == this.ChangeId
            && correction.Terms == this.Terms && SamePerson(correction.By, this.By);
}
