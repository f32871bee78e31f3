using Workflow.Application.Access;

namespace Workflow.Application.Exclusions;

/// <summary>
/// One entry of an exclusion's history (§2.1): a proposal, a confirmation, a proposed lift or correction, or the
/// confirmation of one. Entries are only ever added, each in its own slot, so nothing is overwritten and the registry
/// shows who did what when. Who is the person acting (<see cref="Actor"/>: role, token subject, display name).
/// </summary>
public abstract record ExclusionEntry(string ExclusionId, Actor By, DateTimeOffset At)
{
    /// <summary>Where the entry sits in its exclusion's history; one entry per slot, so a repeat cannot add a second.</summary>
    public abstract string Slot { get; }

    /// <summary>The entry as the history and the receipts name it ("exclusion-proposed", "lift-confirmed", ...).</summary>
    public abstract string EventName { get; }

    /// <summary>
    /// Whether <paramref name="other"/> is the same request again (a client's retry): the same content from the same
    /// person, whenever it was sent. Then the first entry's result is the answer; otherwise the slot is taken.
    /// </summary>
    public abstract bool SameRequestAs(ExclusionEntry other);

    /// <summary>The same person: the same token subject, whatever role or display name they act under.</summary>
    public static bool SamePerson(Actor a, Actor b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return string.Equals(a.Subject, b.Subject, StringComparison.Ordinal);
    }
}
