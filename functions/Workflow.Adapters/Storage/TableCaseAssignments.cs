using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Workflow.Application.Assignments;
using Workflow.Application.Ports;
using Workflow.Orchestrations.Serialization;

namespace Workflow.Adapters.Storage;

/// <summary>
/// Assignments in Table storage, beside the workflow's case index: the case row (see <see cref="TableCaseIndex"/>)
/// holds the assignment (JSON, the assignee's subject, the change number), written by a merge conditional on the ETag
/// of the read the change was decided on, so of two claims at once exactly one is written. The case's worklist row
/// gets a copy, replaced only by a later change number; the case index's own writes carry the assignment from the case
/// row onto whichever worklist row the case then has. Caseworkers are remembered in a table of their own (PK
/// "caseworker", RK the subject).
/// </summary>
public sealed class TableCaseAssignments(TableServiceClient tables, StorageNames names) : ICaseAssignments
{
    const string CaseworkerPartition = "caseworker";

    readonly TableClient cases = tables.GetTableClient(names.CaseIndexTable);
    readonly TableClient worklist = tables.GetTableClient(names.WorklistTable);
    readonly TableClient caseworkers = tables.GetTableClient(names.CaseworkersTable);

    public async Task<AssignmentSlot?> GetAsync(string applicationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(applicationId);
        NullableResponse<TableCaseIndex.CaseRow> row = await this.cases.GetEntityIfExistsAsync<TableCaseIndex.CaseRow>(
            TableKeys.Safe(applicationId), TableCaseIndex.RowKey, cancellationToken: cancellationToken);
        return row.HasValue
            ? new AssignmentSlot(TableCaseIndex.Read(row.Value!), AssignmentOf(row.Value!.Assignment), row.Value.ETag.ToString())
            : null;
    }

    public async Task<bool> TryChangeAsync(AssignmentSlot read, CaseAssignment changed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(changed);
        string partition = TableKeys.Safe(read.Case.ApplicationId);
        string json = JsonSerializer.Serialize(changed, WorkflowJson.Options);
        try
        {
            await this.cases.UpdateEntityAsync(Columns(partition, TableCaseIndex.RowKey, changed, json), new ETag(read.Token), TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException e) when (e.IsPreconditionFailed() || e.IsNotFound())
        {
            return false;
        }

        // The worklist row the case holds now (the workflow may have moved it since: then its write carried this over).
        NullableResponse<TableCaseIndex.CaseRow> now = await this.cases.GetEntityIfExistsAsync<TableCaseIndex.CaseRow>(
            partition, TableCaseIndex.RowKey, cancellationToken: cancellationToken);
        if (now.HasValue && now.Value!.WorklistKey is string key && now.Value.AssignmentVersion == changed.Version)
        {
            await this.CopyToWorklistAsync(key, changed, json, cancellationToken);
        }

        return true;
    }

    /// <summary>Puts the assignment on a worklist row unless the row already has this change or a later one.</summary>
    async Task CopyToWorklistAsync(string key, CaseAssignment next, string json, CancellationToken cancellationToken)
    {
        for (int attempt = 1; attempt <= StorageErrors.OptimisticAttempts; attempt++)
        {
            NullableResponse<TableEntity> row = await this.worklist.GetEntityIfExistsAsync<TableEntity>(TableCaseIndex.OpenPartition, key, cancellationToken: cancellationToken);
            if (!row.HasValue || (row.Value!.GetInt32(nameof(TableCaseIndex.CaseRow.AssignmentVersion)) ?? 0) >= next.Version)
            {
                return; // gone (the case moved or left the worklist), or already as new
            }

            try
            {
                await this.worklist.UpdateEntityAsync(Columns(TableCaseIndex.OpenPartition, key, next, json), row.Value.ETag, TableUpdateMode.Merge, cancellationToken);
                return;
            }
            catch (RequestFailedException e) when (e.IsNotFound())
            {
                return;
            }
            catch (RequestFailedException e) when (e.IsPreconditionFailed())
            {
                // The workflow rewrote the row in between: read it again and compare again.
            }
        }
    }

    public Task NoteCaseworkerAsync(Assignee assignee, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assignee);
        var row = new TableEntity(CaseworkerPartition, TableKeys.Safe(assignee.Subject)) { ["Subject"] = assignee.Subject };
        if (assignee.Name is not null)
        {
            row["Name"] = assignee.Name; // a change without a name keeps the name known before
        }

        return this.caseworkers.UpsertEntityAsync(row, TableUpdateMode.Merge, cancellationToken);
    }

    public async Task<Assignee?> FindCaseworkerAsync(string subject, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(subject);
        NullableResponse<TableEntity> row = await this.caseworkers.GetEntityIfExistsAsync<TableEntity>(CaseworkerPartition, TableKeys.Safe(subject), cancellationToken: cancellationToken);
        return row.HasValue ? new Assignee(subject, row.Value!.GetString("Name")) : null;
    }

    public async Task<IReadOnlyList<Assignee>> ListCaseworkersAsync(CancellationToken cancellationToken)
    {
        var people = new List<Assignee>();
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {CaseworkerPartition}");
        await foreach (TableEntity row in this.caseworkers.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            people.Add(new Assignee(row.GetString("Subject"), row.GetString("Name")));
        }

        return people;
    }

    /// <summary>
    /// A page of the worklist partition in key order (due date, then application). The whole list is one range read of
    /// pageSize rows. The other views filter that range on the assignee's subject at the service: each request scans
    /// the partition from the continuation point until it has the page (or the service stops it, answering fewer rows
    /// and a continuation, which is followed here), so a page costs a scan of at most the open worklist, a few thousand
    /// rows for a region (about 20,000 applications a year), in one or a few requests.
    /// </summary>
    public async Task<AssignedWorklistPage> ListWorklistAsync(WorklistView view, string? subject, int pageSize, string? continuation, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        string filter = view switch
        {
            WorklistView.Mine => TableClient.CreateQueryFilter($"PartitionKey eq {TableCaseIndex.OpenPartition} and AssigneeSubject eq {subject ?? throw new ArgumentNullException(nameof(subject))}"),
            WorklistView.Unassigned => TableClient.CreateQueryFilter($"PartitionKey eq {TableCaseIndex.OpenPartition} and AssigneeSubject eq {""}"),
            _ => TableClient.CreateQueryFilter($"PartitionKey eq {TableCaseIndex.OpenPartition}"),
        };

        var items = new List<AssignedCase>(pageSize);
        string? token = continuation;
        do
        {
            int wanted = pageSize - items.Count;
            Page<TableCaseIndex.CaseRow>? page = null;
            await foreach (Page<TableCaseIndex.CaseRow> first in this.worklist.QueryAsync<TableCaseIndex.CaseRow>(filter, maxPerPage: wanted, cancellationToken: cancellationToken).AsPages(token, wanted))
            {
                page = first;
                break;
            }

            if (page is null)
            {
                token = null;
                break;
            }

            items.AddRange(page.Values.Select(row => new AssignedCase(TableCaseIndex.Read(row), AssignmentOf(row.Assignment))));
            token = page.ContinuationToken;
        }
        while (items.Count < pageSize && token is not null);

        return new AssignedWorklistPage(items, token);
    }

    /// <summary>One scan of the open worklist, reading only the assignment columns (thousands of small rows for a region).</summary>
    public async Task<WorklistLoad> CountWorklistAsync(CancellationToken cancellationToken)
    {
        var held = new Dictionary<string, (Assignee Assignee, int Open)>(StringComparer.Ordinal);
        int unassigned = 0;
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableCaseIndex.OpenPartition}");
        string[] columns = [nameof(TableCaseIndex.CaseRow.AssigneeSubject), nameof(TableCaseIndex.CaseRow.Assignment)];
        await foreach (TableEntity row in this.worklist.QueryAsync<TableEntity>(filter, select: columns, cancellationToken: cancellationToken))
        {
            if (AssignmentOf(row.GetString(nameof(TableCaseIndex.CaseRow.Assignment))).Assignee is not Assignee assignee)
            {
                unassigned++;
                continue;
            }

            held[assignee.Subject] = held.TryGetValue(assignee.Subject, out var counted) ? (counted.Assignee, counted.Open + 1) : (assignee, 1);
        }

        return new WorklistLoad([.. held.Values.Select(h => new AssigneeLoad(h.Assignee, h.Open))], unassigned);
    }

    static TableEntity Columns(string partition, string rowKey, CaseAssignment assignment, string json) => new(partition, rowKey)
    {
        [nameof(TableCaseIndex.CaseRow.Assignment)] = json,
        [nameof(TableCaseIndex.CaseRow.AssigneeSubject)] = assignment.Assignee?.Subject ?? "",
        [nameof(TableCaseIndex.CaseRow.AssignmentVersion)] = assignment.Version,
    };

    static CaseAssignment AssignmentOf(string? json) =>
        json is null ? CaseAssignment.None : JsonSerializer.Deserialize<CaseAssignment>(json, WorkflowJson.Options) ?? CaseAssignment.None;
}
