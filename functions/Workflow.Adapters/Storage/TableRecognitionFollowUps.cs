using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Workflow.Orchestrations.Cases;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Ports;
using Workflow.Orchestrations.Serialization;
using Workflow.Orchestrations.Workflows.RecognitionFollowUp;

namespace Workflow.Adapters.Storage;

/// <summary>
/// The recognition follow-ups (§2.6) in table <c>RecognitionFollowUps</c>: start requests in partition "start" (RK the
/// application id), each follow-up's record in partition "followup:{application}" (RK "state", ordered as the case
/// index is, by <see cref="RecordOrder"/>: an older record is ignored, the same one again finishes what a crash cut
/// short) with its notes beside it (RK "note:{kind}:{command id}", create-only), and the open follow-ups in partition
/// "open" keyed by the due date in real-time ticks then the application, so a range read lists them nearest due first.
/// </summary>
public sealed class TableRecognitionFollowUps(TableServiceClient tables, StorageNames names) : IRecognitionFollowUps
{
    const string StartPartition = "start";
    const string OpenPartition = "open";
    const string StateRow = "state";
    const string NotePrefix = "note:";

    readonly TableClient table = tables.GetTableClient(names.RecognitionFollowUpsTable);

    public async Task RequestStartAsync(RecognitionStartRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var row = new TableEntity(StartPartition, TableKeys.Safe(request.ApplicationId))
        {
            ["Request"] = JsonSerializer.Serialize(request with { Started = false }, WorkflowJson.Options),
            ["Started"] = false,
        };
        try
        {
            await this.table.AddEntityAsync(row, cancellationToken);
        }
        catch (RequestFailedException e) when (e.IsConflict())
        {
            // Requested before: the first request stands.
        }
    }

    public async Task<IReadOnlyList<RecognitionStartRequest>> RequestedStartsAsync(int max, CancellationToken cancellationToken)
    {
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {StartPartition} and Started eq {false}");
        var requests = new List<RecognitionStartRequest>();
        await foreach (TableEntity row in this.table.QueryAsync<TableEntity>(filter, maxPerPage: max, cancellationToken: cancellationToken))
        {
            requests.Add(ReadRequest(row));
            if (requests.Count == max)
            {
                break;
            }
        }

        return requests;
    }

    public Task MarkStartedAsync(string applicationId, CancellationToken cancellationToken) =>
        this.table.UpdateEntityAsync(new TableEntity(StartPartition, TableKeys.Safe(applicationId)) { ["Started"] = true }, ETag.All, TableUpdateMode.Merge, cancellationToken);

    public async Task<RecognitionStartRequest?> GetRequestAsync(string applicationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(applicationId);
        NullableResponse<TableEntity> row = await this.table.GetEntityIfExistsAsync<TableEntity>(StartPartition, TableKeys.Safe(applicationId), cancellationToken: cancellationToken);
        return row.HasValue ? ReadRequest(row.Value!) : null;
    }

    public async Task RecordAsync(RecognitionFollowUpCase followUp, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(followUp);
        string json = JsonSerializer.Serialize(followUp, WorkflowJson.Options);
        string? openKey = followUp.IsClosed ? null : OpenKey(followUp);
        string partition = Partition(followUp.ApplicationId);
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                NullableResponse<TableEntity> stored = await this.table.GetEntityIfExistsAsync<TableEntity>(partition, StateRow, cancellationToken: cancellationToken);
                RecordOrder storedOrder = stored.HasValue ? new(stored.Value!.GetDateTimeOffset("RecordedAt"), stored.Value.GetInt32("Revision") ?? 0) : default;
                if (stored.HasValue && storedOrder > followUp.Order)
                {
                    return;
                }

                if (stored.HasValue && storedOrder == followUp.Order)
                {
                    // This very write again (a retried activity): finish what a crash may have cut short.
                    await this.LeaveOpenIndexAsync(stored.Value!.GetString("PreviousOpenKey"), stored.Value.GetString("OpenKey"), cancellationToken);
                    return;
                }

                if (openKey is not null)
                {
                    await this.table.UpsertEntityAsync(new TableEntity(OpenPartition, openKey) { ["FollowUp"] = json }, TableUpdateMode.Replace, cancellationToken);
                }

                string? previousKey = stored.HasValue ? stored.Value!.GetString("OpenKey") : null;
                var row = new TableEntity(partition, StateRow)
                {
                    ["FollowUp"] = json,
                    ["Revision"] = followUp.Revision,
                    ["RecordedAt"] = followUp.RecordedAt,
                    ["Stage"] = Codes.Of(followUp.Stage),
                    ["OpenKey"] = openKey,
                    ["PreviousOpenKey"] = previousKey,
                };
                if (stored.HasValue)
                {
                    await this.table.UpdateEntityAsync(row, stored.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
                }
                else
                {
                    await this.table.AddEntityAsync(row, cancellationToken);
                }

                await this.LeaveOpenIndexAsync(previousKey, openKey, cancellationToken);
                return;
            }
            catch (RequestFailedException e) when ((e.IsConflict() || e.IsPreconditionFailed()) && attempt < StorageErrors.OptimisticAttempts)
            {
                // Another writer got there between our read and write: read again and compare again.
            }
        }
    }

    public async Task<RecognitionFollowUpCase?> GetAsync(string applicationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(applicationId);
        NullableResponse<TableEntity> row = await this.table.GetEntityIfExistsAsync<TableEntity>(Partition(applicationId), StateRow, cancellationToken: cancellationToken);
        return row.HasValue ? ReadFollowUp(row.Value!) : null;
    }

    public async Task<RecognitionFollowUpPage> ListOpenAsync(int pageSize, string? continuation, CancellationToken cancellationToken)
    {
        // The token is the last key of the previous page (ours, so a made-up one only starts the range elsewhere).
        string filter = continuation is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {OpenPartition}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {OpenPartition} and RowKey gt {TableKeys.Safe(continuation)}");
        var items = new List<RecognitionFollowUpCase>(pageSize);
        string? last = null;
        bool more = false;
        await foreach (TableEntity row in this.table.QueryAsync<TableEntity>(filter, maxPerPage: pageSize + 1, cancellationToken: cancellationToken))
        {
            if (items.Count == pageSize)
            {
                more = true;
                break;
            }

            items.Add(ReadFollowUp(row));
            last = row.RowKey;
        }

        return new RecognitionFollowUpPage(items, more ? last : null);
    }

    public async Task KeepNoteAsync(RecognitionNote note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(note);
        var row = new TableEntity(Partition(note.ApplicationId), TableKeys.Safe($"{NotePrefix}{note.Kind}:{note.CommandId}"))
        {
            ["Note"] = JsonSerializer.Serialize(note, WorkflowJson.Options),
            ["RecordedAt"] = note.RecordedAt,
        };
        try
        {
            await this.table.AddEntityAsync(row, cancellationToken);
        }
        catch (RequestFailedException e) when (e.IsConflict())
        {
            // Kept before: the first write stands.
        }
    }

    public async Task<IReadOnlyList<RecognitionNote>> NotesAsync(string applicationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(applicationId);
        string partition = Partition(applicationId);
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {NotePrefix} and RowKey lt {"note;"}");
        var notes = new List<RecognitionNote>();
        await foreach (TableEntity row in this.table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            notes.Add(JsonSerializer.Deserialize<RecognitionNote>(row.GetString("Note"), WorkflowJson.Options)
                ?? throw new InvalidOperationException("A recognition note row holds no note."));
        }

        return [.. notes.OrderBy(n => n.RecordedAt).ThenBy(n => n.CommandId, StringComparer.Ordinal)];
    }

    /// <summary>Removes the open-index row a follow-up left, unless it is the one it now holds.</summary>
    async Task LeaveOpenIndexAsync(string? left, string? held, CancellationToken cancellationToken)
    {
        if (left is not null && left != held)
        {
            try
            {
                await this.table.DeleteEntityAsync(OpenPartition, left, ETag.All, cancellationToken);
            }
            catch (RequestFailedException e) when (e.IsNotFound())
            {
                // Removed before.
            }
        }
    }

    /// <summary>The open index's order: the due date in real-time ticks (fixed width; each follow-up's policy clock has its own epoch), then the application.</summary>
    internal static string OpenKey(RecognitionFollowUpCase followUp)
    {
        string due = followUp.Clock().ToReal(followUp.DueAt!.Value).UtcTicks.ToString("D20", CultureInfo.InvariantCulture);
        return $"{due}:{followUp.ApplicationId}";
    }

    static string Partition(string applicationId) => TableKeys.Safe("followup:" + applicationId);

    static RecognitionStartRequest ReadRequest(TableEntity row)
    {
        RecognitionStartRequest request = JsonSerializer.Deserialize<RecognitionStartRequest>(row.GetString("Request"), WorkflowJson.Options)
            ?? throw new InvalidOperationException("A start request row holds no request.");
        return request with { Started = row.GetBoolean("Started") ?? false };
    }

    static RecognitionFollowUpCase ReadFollowUp(TableEntity row) =>
        JsonSerializer.Deserialize<RecognitionFollowUpCase>(row.GetString("FollowUp"), WorkflowJson.Options)
        ?? throw new InvalidOperationException("A follow-up row holds no follow-up.");
}
