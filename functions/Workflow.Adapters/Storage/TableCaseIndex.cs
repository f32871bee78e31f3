using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Workflow.Orchestrations.Cases;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Ports;
using Workflow.Orchestrations.Serialization;

namespace Workflow.Adapters.Storage;

/// <summary>
/// The case index in Table storage: one row per application (PK = application id, RK = "case") with the stage,
/// category and workflow version as codes and the whole case as JSON; writes are ordered by <see cref="RecordOrder"/>
/// (read, compare, then a write conditional on the ETag), so a retried or delayed write of an older record never
/// overwrites a newer one, nor the record of an episode a crash lost the one of the episode that replaced it.
/// The worklist is a second table kept in its own order: PK "open", RK = the due date (as it stood at the case's last
/// change) then the application id, one row per case awaiting its caseworker, so a page of the worklist is a range read.
/// The case row remembers its worklist key; a row left behind by a crash between the two writes is removed on retry.
/// Who works on the case is not the workflow's (<see cref="TableCaseAssignments"/> writes it onto both rows): every
/// write here carries it over from the case row it read, so it survives the workflow's writes and moves with the
/// worklist row when the due date moves; the write of the case row is conditional on that read, so an assignment made
/// in between makes this write read again and carry the new one. The host remembers the ETag of its own last write of a
/// case (<see cref="RememberedWrites{T}"/>), so the next revision is written conditional on it without the read.
/// </summary>
public sealed class TableCaseIndex(TableServiceClient tables, StorageNames names) : ICaseIndex
{
    internal const string RowKey = "case";
    internal const string OpenPartition = "open";

    /// <summary>Untracked cases (no due date) sort after every dated one.</summary>
    const string NoDueDate = "99999999999999999999";

    readonly TableClient table = tables.GetTableClient(names.CaseIndexTable);
    readonly TableClient worklist = tables.GetTableClient(names.WorklistTable);
    readonly RememberedWrites<CaseRow> written = new();

    public async Task UpsertAsync(PermitCase state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        string json = JsonSerializer.Serialize(state, WorkflowJson.Options);
        string? worklistKey = state.AwaitsCaseworker ? WorklistKey(state) : null;
        string partition = TableKeys.Safe(state.ApplicationId);
        RecordOrder order = state.Order;
        CaseRow? remembered = this.written.Recall(partition);
        if (remembered is not null && remembered.Order() >= order)
        {
            remembered = null; // a retried write: read the row and finish what a crash may have cut short
        }

        string? listed = null; // the worklist row this call wrote, if a newer revision turns out to hold the case
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                CaseRow? before = remembered;
                if (before is null)
                {
                    NullableResponse<CaseRow> stored = await this.table.GetEntityIfExistsAsync<CaseRow>(partition, RowKey, cancellationToken: cancellationToken);
                    before = stored.HasValue ? stored.Value : null;
                    if (before is not null && before.Order() > order)
                    {
                        await this.UndoListingAsync(listed, before, cancellationToken);
                        return;
                    }

                    if (before is not null && before.Order() == order)
                    {
                        // This very write again (a retried activity): finish what a crash may have cut short.
                        await this.RemoveFromWorklistAsync(before.PreviousWorklistKey, before.WorklistKey, cancellationToken);
                        return;
                    }
                }

                if (worklistKey is not null)
                {
                    var entry = new CaseRow { PartitionKey = OpenPartition, RowKey = worklistKey, Snapshot = json, Revision = state.Revision };
                    await this.worklist.UpsertEntityAsync(entry.WithAssignmentOf(before), TableUpdateMode.Replace, cancellationToken);
                    listed = worklistKey;
                }

                string? previousKey = before?.WorklistKey;
                var row = new CaseRow
                {
                    PartitionKey = partition,
                    RowKey = RowKey,
                    Stage = Codes.Of(state.Stage),
                    Category = Codes.Of(state.Category),
                    WorkflowVersion = state.WorkflowVersion,
                    Revision = state.Revision,
                    RecordedAt = state.RecordedAt,
                    Snapshot = json,
                    WorklistKey = worklistKey,
                    PreviousWorklistKey = previousKey,
                }.WithAssignmentOf(before);
                Response response = before is not null
                    ? await this.table.UpdateEntityAsync(row, before.ETag, TableUpdateMode.Replace, cancellationToken)
                    : await this.table.AddEntityAsync(row, cancellationToken);

                await this.RemoveFromWorklistAsync(previousKey, worklistKey, cancellationToken);
                this.Remember(row, response, keep: state.Stage != Stage.Closed);
                return;
            }
            catch (RequestFailedException e) when (remembered is not null && (e.IsPreconditionFailed() || e.IsNotFound()))
            {
                // Changed (an assignment, another host) or removed since this process wrote it: read it, as without memory.
                this.written.Forget(partition);
                remembered = null;
            }
            catch (RequestFailedException e) when ((e.IsConflict() || e.IsPreconditionFailed()) && attempt < StorageErrors.OptimisticAttempts)
            {
                // Another writer got there between our read and write: read again and compare again.
            }
        }
    }

    /// <summary>
    /// A worklist row written for a revision that turned out older than the stored one: put back the stored revision's
    /// row where it holds the same key, else remove it.
    /// </summary>
    async Task UndoListingAsync(string? listed, CaseRow stored, CancellationToken cancellationToken)
    {
        if (listed is not null && listed == stored.WorklistKey)
        {
            var entry = new CaseRow { PartitionKey = OpenPartition, RowKey = listed, Snapshot = stored.Snapshot, Revision = stored.Revision };
            await this.worklist.UpsertEntityAsync(entry.WithAssignmentOf(stored), TableUpdateMode.Replace, cancellationToken);
            return;
        }

        await this.RemoveFromWorklistAsync(listed, stored.WorklistKey, cancellationToken);
    }

    /// <summary>What the next write of this case needs of the row just written: all but the case itself.</summary>
    void Remember(CaseRow row, Response response, bool keep) =>
        this.written.Remember(row.PartitionKey, response.Headers.ETag, keep, etag => new CaseRow
        {
            PartitionKey = row.PartitionKey,
            RowKey = row.RowKey,
            ETag = etag,
            Revision = row.Revision,
            RecordedAt = row.RecordedAt,
            WorklistKey = row.WorklistKey,
        }.WithAssignmentOf(row));

    /// <summary>Removes the worklist row a case left, unless it is the one it now holds.</summary>
    async Task RemoveFromWorklistAsync(string? left, string? held, CancellationToken cancellationToken)
    {
        if (left is not null && left != held)
        {
            try
            {
                await this.worklist.DeleteEntityAsync(OpenPartition, left, ETag.All, cancellationToken);
            }
            catch (RequestFailedException e) when (e.IsNotFound())
            {
                // Removed before.
            }
        }
    }

    public async Task<PermitCase?> GetAsync(string applicationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(applicationId);
        NullableResponse<CaseRow> row = await this.table.GetEntityIfExistsAsync<CaseRow>(TableKeys.Safe(applicationId), RowKey, cancellationToken: cancellationToken);
        return row.HasValue ? Read(row.Value!) : null;
    }

    public async Task<CasePage> ListWorklistAsync(int pageSize, string? continuation, CancellationToken cancellationToken)
    {
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {OpenPartition}");
        await foreach (Page<CaseRow> page in this.worklist.QueryAsync<CaseRow>(filter, maxPerPage: pageSize, cancellationToken: cancellationToken).AsPages(continuation, pageSize))
        {
            return new CasePage([.. page.Values.Select(Read)], page.ContinuationToken);
        }

        return new CasePage([], null);
    }

    public async Task<IReadOnlyList<PermitCase>> ListClosedAsync(CancellationToken cancellationToken)
    {
        string filter = TableClient.CreateQueryFilter($"Stage eq {Codes.Of(Stage.Closed)}");
        var cases = new List<PermitCase>();
        await foreach (CaseRow row in this.table.QueryAsync<CaseRow>(filter, cancellationToken: cancellationToken))
        {
            cases.Add(Read(row));
        }

        return [.. cases.OrderBy(s => s.SubmittedAt).ThenBy(s => s.ApplicationId, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The worklist order: the due date in ticks (fixed width, so text order is time order), then the application. The
    /// due date as it stood at the last pause's end (or its start, while it lasts): a paused file keeps its place.
    /// </summary>
    internal static string WorklistKey(PermitCase state)
    {
        DateTimeOffset asOf = state.Sla.Pauses is [.., var last] ? last.End ?? last.Start : state.Sla.Start;
        // In real time: each case's policy clock has its own epoch (its submission), so only real times compare across cases.
        string order = state.SlaClock().DueAsOf(asOf) is DateTimeOffset due ? state.Clock().ToReal(due).UtcTicks.ToString("D20", CultureInfo.InvariantCulture) : NoDueDate;
        return $"{order}|{state.ApplicationId}";
    }

    internal static PermitCase Read(CaseRow row) =>
        JsonSerializer.Deserialize<PermitCase>(row.Snapshot, WorkflowJson.Options)
        ?? throw new InvalidOperationException("A case index row holds no case.");

    /// <summary>One row of the case index (and of the worklist, which keeps the case too).</summary>
    internal sealed class CaseRow : ITableEntity
    {
        public string PartitionKey { get; set; } = "";

        public string RowKey { get; set; } = "";

        public DateTimeOffset? Timestamp { get; set; }

        public ETag ETag { get; set; }

        public string Stage { get; set; } = "";

        public string Category { get; set; } = "";

        public string? WorkflowVersion { get; set; }

        public int Revision { get; set; }

        /// <summary>The episode time of the revision (<see cref="PermitCase.RecordedAt"/>); absent on rows written before it was kept.</summary>
        public DateTimeOffset? RecordedAt { get; set; }

        /// <summary>A method, not a property: the table client would store a property as a column.</summary>
        public RecordOrder Order() => new(this.RecordedAt, this.Revision);

        public string Snapshot { get; set; } = "";

        public string? WorklistKey { get; set; }

        public string? PreviousWorklistKey { get; set; }

        /// <summary>Who works on the case (<see cref="Application.Assignments.CaseAssignment"/> as JSON); none when absent.</summary>
        public string? Assignment { get; set; }

        /// <summary>The assignee's subject, "" for none (always written on worklist rows, so the unassigned view can filter on it).</summary>
        public string? AssigneeSubject { get; set; }

        /// <summary>The assignment's change number: a copy on a worklist row is replaced only by a later one.</summary>
        public int AssignmentVersion { get; set; }

        /// <summary>This row with the assignment of <paramref name="source"/> (none when null).</summary>
        public CaseRow WithAssignmentOf(CaseRow? source)
        {
            this.Assignment = source?.Assignment;
            this.AssigneeSubject = source?.AssigneeSubject ?? "";
            this.AssignmentVersion = source?.AssignmentVersion ?? 0;
            return this;
        }
    }
}
