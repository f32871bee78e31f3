using Workflow.Application.Access;
using Workflow.Orchestrations.Ports;

namespace Workflow.Application.Exclusions;

/// <summary>An exclusion proposed by its author: not in force until a second person confirms it.</summary>
/// <param name="PartyKey">The party as the registry names it (<see cref="PartyKeys"/>): a KBO number, or a director's fingerprint.</param>
public sealed record ExclusionProposed(string ExclusionId, ExcludedParty Party, string PartyKey, ExclusionTerms Terms, Actor By, DateTimeOffset At)
    : ExclusionEntry(ExclusionId, By, At)
{
    public const string Code = "exclusion-proposed";

    public override string Slot => "proposal";

    public override string EventName => Code;

    public override bool SameRequestAs(ExclusionEntry other) =>
        other is ExclusionProposed proposal && proposal.ExclusionId == this.ExclusionId && proposal.Party == this.Party
            && proposal.PartyKey == this.PartyKey && proposal.Terms == this.Terms && SamePerson(proposal.By, this.By);
}
