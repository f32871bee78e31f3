using Workflow.Orchestrations.Cases;

namespace Workflow.UnitTests.Cases;

public sealed class RecordOrderTests
{
    static readonly DateTimeOffset Episode = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_later_episode_comes_after_an_earlier_one_whatever_their_revisions()
    {
        Assert.True(new RecordOrder(Episode.AddSeconds(40), 7) > new RecordOrder(Episode, 9));
        Assert.True(new RecordOrder(Episode.AddSeconds(40), 7) > new RecordOrder(Episode, 7));
    }

    [Fact]
    public void Within_one_episode_the_revision_orders()
    {
        Assert.True(new RecordOrder(Episode, 8) > new RecordOrder(Episode, 7));
        Assert.Equal(0, new RecordOrder(Episode, 8).CompareTo(new RecordOrder(Episode, 8)));
    }

    [Fact]
    public void Records_without_a_time_order_by_revision_and_before_any_with_one()
    {
        Assert.True(new RecordOrder(null, 3) > new RecordOrder(null, 2));
        Assert.True(new RecordOrder(null, 50) < new RecordOrder(Episode, 1));
    }

    [Fact]
    public void The_model_never_stamps_a_time_only_the_workflow_on_what_it_records()
    {
        Assert.Null(CaseHarness.Start(Orchestrations.Domain.PermitCategory.HighlySkilled).Complete().State.RecordedAt);
    }

    [Fact]
    public void The_order_of_a_case_is_its_recorded_time_and_revision()
    {
        PermitCase state = CaseHarness.Start(Orchestrations.Domain.PermitCategory.HighlySkilled).State with { Revision = 4, RecordedAt = Episode };
        Assert.Equal(new RecordOrder(Episode, 4), state.Order);
        Assert.Equal(state.Order, CaseFacts.Of(state).Order);
    }
}
