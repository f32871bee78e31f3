using Azure.Data.Tables;
using Workflow.Adapters;
using Workflow.Adapters.Storage;
using Workflow.Application.Access;
using Workflow.Application.Assignments;
using Workflow.Application.Commands;
using Workflow.Application.Ports;
using Workflow.Orchestrations.Cases;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Ports;

namespace Workflow.FunctionalTests.CaseRecord;

/// <summary>
/// The case index, the facts projection and the command ledger write a row's next state conditional on the ETag of their
/// own last write, without reading the row first (Azurite's Table service). What they remember is never trusted over the
/// table: another host's later revision or settled fate, an assignment, the assessment or a counted repeat made in
/// between make the write read again.
/// </summary>
public sealed class RememberedWriteTests
{
    static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_host_writing_from_memory_never_overwrites_a_later_revision_another_host_wrote()
    {
        (TableServiceClient tables, StorageNames names) = await CaseRows.StorageAsync();
        var first = new TableCaseIndex(tables, names);
        var second = new TableCaseIndex(tables, names); // another host on the same storage
        PermitCase awaiting = CaseRows.Case() with { Stage = Stage.AwaitingDecision };

        await first.UpsertAsync(awaiting with { Revision = 1 }, CancellationToken.None);
        await second.UpsertAsync(awaiting with { Revision = 3 }, CancellationToken.None);
        await first.UpsertAsync(awaiting with { Revision = 2 }, CancellationToken.None); // stale: its remembered ETag is refused, and its worklist row put back

        Assert.Equal(3, (await first.GetAsync(awaiting.ApplicationId, CancellationToken.None))!.Revision);
        Assert.Equal([3], await CaseRows.WorklistRevisionsAsync(first, awaiting.ApplicationId));

        // The first host goes on from what it read: its next revision lands, and the case leaves the worklist.
        await first.UpsertAsync(awaiting with { Revision = 4, Stage = Stage.Closed }, CancellationToken.None);
        Assert.Equal(4, (await second.GetAsync(awaiting.ApplicationId, CancellationToken.None))!.Revision);
        Assert.Empty(await CaseRows.WorklistRevisionsAsync(first, awaiting.ApplicationId));
    }

    [Fact]
    public async Task An_assignment_made_between_two_writes_stays_on_the_case_and_on_its_worklist_row()
    {
        (TableServiceClient tables, StorageNames names) = await CaseRows.StorageAsync();
        var index = new TableCaseIndex(tables, names);
        var assignments = new TableCaseAssignments(tables, names);
        PermitCase awaiting = CaseRows.Case() with { Stage = Stage.AwaitingDecision, Revision = 1 };
        await index.UpsertAsync(awaiting, CancellationToken.None);

        AssignmentSlot slot = (await assignments.GetAsync(awaiting.ApplicationId, CancellationToken.None))!;
        var claimed = new CaseAssignment(new Assignee("caseworker-remembered", "Caseworker"), At, slot.Assignment.Version + 1, null);
        Assert.True(await assignments.TryChangeAsync(slot, claimed, CancellationToken.None));

        await index.UpsertAsync(awaiting with { Revision = 2, MissingDocuments = ["contract"] }, CancellationToken.None);

        AssignmentSlot after = (await assignments.GetAsync(awaiting.ApplicationId, CancellationToken.None))!;
        Assert.Equal(2, after.Case.Revision);
        Assert.Equal("caseworker-remembered", after.Assignment.Assignee?.Subject);
        AssignedWorklistPage mine = await assignments.ListWorklistAsync(WorklistView.Mine, "caseworker-remembered", 50, null, CancellationToken.None);
        Assert.Equal([2], mine.Items.Where(i => i.Case.ApplicationId == awaiting.ApplicationId).Select(i => i.Case.Revision));
    }

    [Fact]
    public async Task Facts_written_from_memory_keep_the_assessment_merged_in_between_and_never_go_back()
    {
        (TableServiceClient tables, StorageNames names) = await CaseRows.StorageAsync();
        var first = new TableCaseFacts(tables, names);
        var second = new TableCaseFacts(tables, names);
        PermitCase state = CaseRows.Case();

        await first.RecordAsync(CaseFacts.Of(state with { Revision = 1 }), CancellationToken.None);
        await first.RecordAssessmentAsync(state.ApplicationId, new AssessmentFacts("above-threshold", 2026, ["payroll-mismatch"]), CancellationToken.None);
        await first.RecordAsync(CaseFacts.Of(state with { Revision = 2 }), CancellationToken.None);

        RecordedCase recorded = await CaseRows.FactsOfAsync(second, state.ApplicationId);
        Assert.Equal(2, recorded.Case.Revision);
        Assert.Equal("above-threshold", recorded.Assessment?.SalaryBand);

        await second.RecordAsync(CaseFacts.Of(state with { Revision = 5 }), CancellationToken.None);
        await first.RecordAsync(CaseFacts.Of(state with { Revision = 3 }), CancellationToken.None); // stale: refused, read, skipped
        Assert.Equal(5, (await CaseRows.FactsOfAsync(first, state.ApplicationId)).Case.Revision);
    }

    [Fact]
    public async Task A_command_fate_moved_from_memory_lands_and_carries_the_repeat_counted_in_between()
    {
        (TableServiceClient tables, StorageNames names) = await CaseRows.StorageAsync();
        var ledger = new TableCommandLedger(tables, names);
        CommandRecord record = Command(CaseRows.Case().ApplicationId);

        Assert.True((await ledger.TryRecordAsync(record, CancellationToken.None)).Recorded);
        await ledger.MarkRaisedAsync(record.ApplicationId, record.MessageId, CancellationToken.None);
        Assert.Equal(CommandFate.Pending, (await StoredAsync(ledger, record)).Fate);

        await ledger.NoteRepeatAsync(record, At.AddMinutes(1), CancellationToken.None); // moves the row's ETag
        await ledger.SettleAsync(record.ApplicationId, new CommandSettlement(record.MessageId, CommandFate.Accepted), At.AddMinutes(2), CancellationToken.None);

        CommandRecord settled = await StoredAsync(ledger, record);
        Assert.Equal(CommandFate.Accepted, settled.Fate);
        Assert.Equal(At.AddMinutes(2), settled.SettledAt);
        Assert.Equal(1, settled.Repeats);
    }

    [Fact]
    public async Task A_fate_another_host_settled_is_never_moved_back_by_what_this_host_remembers()
    {
        (TableServiceClient tables, StorageNames names) = await CaseRows.StorageAsync();
        var first = new TableCommandLedger(tables, names);
        var second = new TableCommandLedger(tables, names); // the host whose workflow handled the event
        CommandRecord record = Command(CaseRows.Case().ApplicationId);

        Assert.True((await first.TryRecordAsync(record, CancellationToken.None)).Recorded);
        await second.SettleAsync(record.ApplicationId, new CommandSettlement(record.MessageId, CommandFate.Rejected, "not admitted"), At.AddMinutes(1), CancellationToken.None);

        // The first host still remembers "recorded" with its ETag: raising must not turn the rejection into "pending",
        // nor a late settlement of its own into "accepted".
        await first.MarkRaisedAsync(record.ApplicationId, record.MessageId, CancellationToken.None);
        await first.SettleAsync(record.ApplicationId, new CommandSettlement(record.MessageId, CommandFate.Accepted), At.AddMinutes(2), CancellationToken.None);

        CommandRecord stored = await StoredAsync(second, record);
        Assert.Equal(CommandFate.Rejected, stored.Fate);
        Assert.Equal("not admitted", stored.Reason);
        Assert.Equal(At.AddMinutes(1), stored.SettledAt);
    }

    static CommandRecord Command(string applicationId) => new(
        applicationId, "decision", "d-" + Guid.NewGuid().ToString("N")[..8], "hash", new Actor("caseworker", "caseworker-remembered", null), At, CommandFate.Recorded);

    static async Task<CommandRecord> StoredAsync(TableCommandLedger ledger, CommandRecord record) =>
        (await ledger.GetAsync(record.ApplicationId, record.Kind, record.CommandId, CancellationToken.None))!;
}
