namespace Workflow.Orchestrations.Cases;

/// <summary>
/// The order of a case's records (the case index, the KPI projection): the real time of the workflow episode that
/// recorded a revision, then the revision. The revision alone is not enough. The Azure Storage provider sends an
/// episode's activities before it commits the episode; when the host dies in between, the lost episode's record may
/// still be written, and the retried episode, which can take the messages in another order, records other states under
/// the same revision numbers, sometimes fewer of them. By revision alone the lost record would win over the retried
/// one's, and could stand for good (a case shown awaiting its decision after it closed). The retried episode runs after
/// the lost one, so its time is later; within one episode (one time for all its transitions) the revision orders.
/// </summary>
/// <remarks>
/// Episode times come from the clock of the host that runs the episode. Hosts' clocks agree far better than the seconds
/// a partition takes to move between hosts, so a later episode of a case never has an earlier time. Records without a
/// time (workflow 1.0 before it was kept, rows written before it existed) come before any with one, and among
/// themselves by revision.
/// </remarks>
public readonly record struct RecordOrder(DateTimeOffset? RecordedAt, int Revision) : IComparable<RecordOrder>
{
    public int CompareTo(RecordOrder other)
    {
        int byTime = Nullable.Compare(this.RecordedAt, other.RecordedAt);
        return byTime != 0 ? byTime : this.Revision.CompareTo(other.Revision);
    }

    public static bool operator <(RecordOrder left, RecordOrder right) => left.CompareTo(right) < 0;

    public static bool operator >(RecordOrder left, RecordOrder right) => left.CompareTo(right) > 0;

    public static bool operator <=(RecordOrder left, RecordOrder right) => left.CompareTo(right) <= 0;

    public static bool operator >=(RecordOrder left, RecordOrder right) => left.CompareTo(right) >= 0;
}
