using Azure.Data.Tables;
using Workflow.Adapters;
using Workflow.Adapters.Storage;
using Workflow.Orchestrations.Cases;
using Workflow.Orchestrations.Domain;

namespace Workflow.FunctionalTests.CaseRecord;

/// <summary>
/// A host that dies after an episode's activities went out but before the episode was committed leaves that episode's
/// record written; the retried episode, later, may take the messages in another order and record other states under the
/// same revision numbers, or fewer of them (the crash tests met a case shown awaiting its decision after it closed).
/// The case index and the facts projection order records by the episode's time, then the revision (<see cref="RecordOrder"/>),
/// so the retried episode's record stands over the lost one's, whatever order they arrive in (Azurite's Table service).
/// </summary>
public sealed class LostEpisodeRecordTests
{
    static readonly DateTimeOffset LostEpisode = CaseRows.SubmittedAt.AddHours(3);
    static readonly DateTimeOffset RetriedEpisode = LostEpisode.AddSeconds(40); // after the dead host's leases ran out

    [Fact]
    public async Task The_retried_episodes_record_of_the_same_revision_replaces_the_lost_one_and_a_late_lost_write_changes_nothing()
    {
        (TableServiceClient tables, StorageNames names) = await CaseRows.StorageAsync();
        PermitCase awaiting = CaseRows.Case() with { Stage = Stage.AwaitingDecision, Revision = 6, RecordedAt = CaseRows.SubmittedAt.AddHours(1) };
        await new TableCaseIndex(tables, names).UpsertAsync(awaiting, CancellationToken.None);

        // The lost episode took a milestone first; the retried one took the caseworker's decision first, and closed.
        PermitCase lost = awaiting with { Revision = 7, FiredMilestones = [MilestoneKind.AtRisk], RecordedAt = LostEpisode };
        PermitCase retried = awaiting with { Revision = 7, Stage = Stage.Closed, Outcome = Outcome.Granted, RecordedAt = RetriedEpisode };
        var dead = new TableCaseIndex(tables, names);
        var survivor = new TableCaseIndex(tables, names);
        await dead.UpsertAsync(lost, CancellationToken.None);
        await survivor.UpsertAsync(retried, CancellationToken.None);

        PermitCase? stored = await survivor.GetAsync(awaiting.ApplicationId, CancellationToken.None);
        Assert.Equal((Stage.Closed, 7, RetriedEpisode), (stored!.Stage, stored.Revision, stored.RecordedAt));
        Assert.Empty(await CaseRows.WorklistRevisionsAsync(survivor, awaiting.ApplicationId));

        // The lost episode's activity redelivered late (its host died holding it): refused, on any host.
        await new TableCaseIndex(tables, names).UpsertAsync(lost, CancellationToken.None);
        Assert.Equal(Stage.Closed, (await survivor.GetAsync(awaiting.ApplicationId, CancellationToken.None))!.Stage);
        Assert.Empty(await CaseRows.WorklistRevisionsAsync(survivor, awaiting.ApplicationId));
    }

    [Fact]
    public async Task A_lost_episodes_higher_revision_gives_way_to_the_retried_episodes_close()
    {
        (TableServiceClient tables, StorageNames names) = await CaseRows.StorageAsync();
        PermitCase awaiting = CaseRows.Case() with { Stage = Stage.AwaitingDecision, Revision = 6, RecordedAt = CaseRows.SubmittedAt.AddHours(1) };
        var index = new TableCaseIndex(tables, names);
        await index.UpsertAsync(awaiting, CancellationToken.None);

        // The lost episode changed the case three times (milestones), the retried one once (it closed).
        await new TableCaseIndex(tables, names).UpsertAsync(awaiting with { Revision = 9, RecordedAt = LostEpisode }, CancellationToken.None);
        await index.UpsertAsync(awaiting with { Revision = 7, Stage = Stage.Closed, RecordedAt = RetriedEpisode }, CancellationToken.None);

        PermitCase? stored = await index.GetAsync(awaiting.ApplicationId, CancellationToken.None);
        Assert.Equal((Stage.Closed, 7), (stored!.Stage, stored.Revision));
        Assert.Empty(await CaseRows.WorklistRevisionsAsync(index, awaiting.ApplicationId));
    }

    [Fact]
    public async Task Within_one_episode_the_revision_orders_and_the_same_record_again_changes_nothing()
    {
        (TableServiceClient tables, StorageNames names) = await CaseRows.StorageAsync();
        PermitCase awaiting = CaseRows.Case() with { Stage = Stage.AwaitingDecision, RecordedAt = RetriedEpisode };
        var index = new TableCaseIndex(tables, names);

        await index.UpsertAsync(awaiting with { Revision = 8 }, CancellationToken.None);
        await new TableCaseIndex(tables, names).UpsertAsync(awaiting with { Revision = 7, MissingDocuments = ["contract"] }, CancellationToken.None);
        await new TableCaseIndex(tables, names).UpsertAsync(awaiting with { Revision = 8, MissingDocuments = ["passport"] }, CancellationToken.None);

        PermitCase? stored = await index.GetAsync(awaiting.ApplicationId, CancellationToken.None);
        Assert.Equal((8, 0), (stored!.Revision, stored.MissingDocuments.Count));
        Assert.Equal([8], await CaseRows.WorklistRevisionsAsync(index, awaiting.ApplicationId));
    }

    [Fact]
    public async Task The_facts_projection_takes_the_retried_episodes_record_over_the_lost_ones_in_either_order()
    {
        (TableServiceClient tables, StorageNames names) = await CaseRows.StorageAsync();
        PermitCase awaiting = CaseRows.Case() with { Stage = Stage.AwaitingDecision, Revision = 6, RecordedAt = CaseRows.SubmittedAt.AddHours(1) };
        CaseFacts lost = CaseFacts.Of(awaiting with { Revision = 8, RecordedAt = LostEpisode });
        CaseFacts retried = CaseFacts.Of(awaiting with { Revision = 7, Stage = Stage.Closed, Outcome = Outcome.Refused, RecordedAt = RetriedEpisode });

        var facts = new TableCaseFacts(tables, names);
        await facts.RecordAsync(CaseFacts.Of(awaiting), CancellationToken.None);
        await new TableCaseFacts(tables, names).RecordAsync(lost, CancellationToken.None);
        await facts.RecordAsync(retried, CancellationToken.None);
        await new TableCaseFacts(tables, names).RecordAsync(lost, CancellationToken.None); // redelivered late

        CaseFacts stored = (await CaseRows.FactsOfAsync(new TableCaseFacts(tables, names), awaiting.ApplicationId)).Case;
        Assert.Equal((Stage.Closed, Outcome.Refused, 7), (stored.Stage, stored.Outcome, stored.Revision));
        Assert.DoesNotContain(await facts.ListOpenAsync(CancellationToken.None), c => c.Case.ApplicationId == awaiting.ApplicationId);
    }
}
