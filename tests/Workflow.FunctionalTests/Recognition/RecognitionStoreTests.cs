using Microsoft.Extensions.DependencyInjection;
using Workflow.FunctionalTests.Infrastructure;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Ports;
using Workflow.Orchestrations.Workflows.RecognitionFollowUp;

namespace Workflow.FunctionalTests.Recognition;

/// <summary>
/// The follow-ups' table on Azurite, through its port: a record is ordered by its episode's time and revision (an older
/// write changes nothing, <see cref="Orchestrations.Cases.RecordOrder"/>),
/// the open index lists follow-ups nearest due date first a page at a time and drops one that closes, and a note is
/// kept once. Follow-ups of made-up applications, written straight to the store (no start request, so no starter runs them).
/// </summary>
public sealed class RecognitionStoreTests
{
    static readonly RecognitionTerms Terms = new("t", 60, 120, 60, 10, 0);

    [Fact]
    public async Task Records_keep_their_newest_revision_and_the_open_ones_page_nearest_due_first()
    {
        PermitHost host = await SharedHost.GetAsync();
        IRecognitionFollowUps store = host.Services.GetRequiredService<IRecognitionFollowUps>();
        DateTimeOffset now = DateTimeOffset.UtcNow;

        // Three follow-ups due far ahead (so no other test's sits between them), due in the order c, a, b.
        string prefix = $"rs-{Guid.NewGuid():N}";
        string[] ids = [.. new[] { "a", "b", "c" }.Select(s => ApplicationIds.Derive("0412345614", prefix + s))];
        DateTimeOffset far = now.AddYears(50);
        RecognitionFollowUpCase FollowUp(int index, double startDays, int revision = 1) => new()
        {
            ApplicationId = ids[index],
            Category = PermitCategory.HighlySkilled,
            StartedAt = far.AddDays(startDays),
            PolicyDayLength = TimeSpan.FromDays(1),
            Terms = Terms,
            StageSince = far.AddDays(startDays),
            Revision = revision,
        };

        await store.RecordAsync(FollowUp(0, 2), CancellationToken.None);
        await store.RecordAsync(FollowUp(1, 3), CancellationToken.None);
        await store.RecordAsync(FollowUp(2, 1), CancellationToken.None);

        // A newer revision moves a follow-up's place; an older one arriving late changes nothing.
        await store.RecordAsync(FollowUp(1, 3, revision: 2) with { TermExtended = true }, CancellationToken.None);
        await store.RecordAsync(FollowUp(1, 3, revision: 1), CancellationToken.None);
        RecognitionFollowUpCase stored = (await store.GetAsync(ids[1], CancellationToken.None))!;
        Assert.Equal((2, true), (stored.Revision, stored.TermExtended));

        List<string> listed = await OursAsync(store, ids, pageSize: 2);
        Assert.Equal([ids[2], ids[0], ids[1]], listed);

        // Closed: off the open list, still readable.
        await store.RecordAsync(FollowUp(0, 2, revision: 2) with { Stage = RecognitionStage.Done, ClosedAt = far }, CancellationToken.None);
        Assert.Equal([ids[2], ids[1]], await OursAsync(store, ids, pageSize: 2));
        Assert.Equal(RecognitionStage.Done, (await store.GetAsync(ids[0], CancellationToken.None))!.Stage);

        // A note is kept once: the first write stands.
        var note = new RecognitionNote(ids[1], RecognitionEvents.NaricOutcomeCommand, "n1", RecognitionOutcomeKind.TermExtended, "first", "caseworker", "cw", "Ann", now);
        await store.KeepNoteAsync(note, CancellationToken.None);
        await store.KeepNoteAsync(note with { Reason = "second" }, CancellationToken.None);
        Assert.Equal("first", Assert.Single(await store.NotesAsync(ids[1], CancellationToken.None)).Reason);
        Assert.Empty(await store.NotesAsync(ids[2], CancellationToken.None));

        foreach (int index in new[] { 1, 2 })
        {
            await store.RecordAsync(FollowUp(index, 0, revision: 9) with { Stage = RecognitionStage.RecognitionRefused, ClosedAt = far }, CancellationToken.None);
        }
    }

    [Fact]
    public async Task After_a_crash_the_retried_episodes_record_stands_over_the_lost_episodes_whatever_its_revision()
    {
        PermitHost host = await SharedHost.GetAsync();
        IRecognitionFollowUps store = host.Services.GetRequiredService<IRecognitionFollowUps>();
        DateTimeOffset far = DateTimeOffset.UtcNow.AddYears(50);
        var followUp = new RecognitionFollowUpCase
        {
            ApplicationId = ApplicationIds.Derive("0412345614", $"rs-lost-{Guid.NewGuid():N}"),
            Category = PermitCategory.HighlySkilled,
            StartedAt = far,
            PolicyDayLength = TimeSpan.FromDays(1),
            Terms = Terms,
            StageSince = far,
            Revision = 1,
            RecordedAt = far,
        };
        await store.RecordAsync(followUp, CancellationToken.None);

        // The lost episode fired two alerts (revisions 2 and 3); the retried one, later, took the outcome first and closed.
        RecognitionFollowUpCase lost = followUp with { Revision = 3, FiredAlerts = [MilestoneKind.Reminder, MilestoneKind.AtRisk], RecordedAt = far.AddMinutes(1) };
        RecognitionFollowUpCase retried = followUp with { Revision = 2, Stage = RecognitionStage.Done, ClosedAt = far, RecordedAt = far.AddMinutes(2) };
        await store.RecordAsync(lost, CancellationToken.None);
        await store.RecordAsync(retried, CancellationToken.None);
        await store.RecordAsync(lost, CancellationToken.None); // its activity redelivered late

        RecognitionFollowUpCase stored = (await store.GetAsync(followUp.ApplicationId, CancellationToken.None))!;
        Assert.Equal((RecognitionStage.Done, 2, 0), (stored.Stage, stored.Revision, stored.FiredAlerts.Count));
        Assert.Empty(await OursAsync(store, [followUp.ApplicationId], pageSize: 200));
    }

    /// <summary>Walks the open list page by page and keeps ours, in the order listed.</summary>
    static async Task<List<string>> OursAsync(IRecognitionFollowUps store, string[] ids, int pageSize)
    {
        var ours = new List<string>();
        string? continuation = null;
        int pages = 0;
        do
        {
            RecognitionFollowUpPage page = await store.ListOpenAsync(pageSize, continuation, CancellationToken.None);
            Assert.True(page.Items.Count <= pageSize);
            ours.AddRange(page.Items.Select(f => f.ApplicationId).Where(ids.Contains));
            continuation = page.Continuation;
            pages++;
        }
        while (continuation is not null && pages < 1000);
        return ours;
    }
}
