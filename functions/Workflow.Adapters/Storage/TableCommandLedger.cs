using Azure;
using Azure.Data.Tables;
using Workflow.Application.Access;
using Workflow.Application.Ports;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Domain;

namespace Workflow.Adapters.Storage;

/// <summary>
/// The commands table (PK = application id, RK = "{kind}:{command id}", the command's message id): one row per command,
/// inserted conditionally before its event is raised and never replaced, only its fate moved on (ETag-guarded: recorded →
/// pending → accepted or rejected; a settled fate is final). Single slots (one decision per application) are rows
/// "slot:{name}" naming their holder. A kind's commands are a range of one partition: an indexed read, never a scan.
/// A fate this process wrote last (recorded, then pending) is remembered with the ETag of that write
/// (<see cref="RememberedWrites{T}"/>), so moving it on is one conditional write instead of a read and a write; a row
/// anyone changed in between fails the condition and is read as before.
/// </summary>
public sealed class TableCommandLedger(TableServiceClient tables, StorageNames names) : ICommandLedger
{
    const string SlotPrefix = "slot:";

    readonly TableClient table = tables.GetTableClient(names.CommandsTable);
    readonly RememberedWrites<WrittenFate> written = new();

    /// <summary>The fate this process last wrote to a command's row, and the ETag that write returned.</summary>
    sealed record WrittenFate(CommandFate Fate, ETag ETag);

    public async Task<(bool Recorded, CommandRecord Stored)> TryRecordAsync(CommandRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        try
        {
            Response added = await this.table.AddEntityAsync(ToEntity(record), cancellationToken);
            this.RememberFate(record.ApplicationId, record.MessageId, record.Fate, added);
            return (true, record);
        }
        catch (RequestFailedException e) when (e.IsConflict())
        {
            CommandRecord stored = await this.GetAsync(record.ApplicationId, record.Kind, record.CommandId, cancellationToken)
                ?? throw new InvalidOperationException($"Command {record.MessageId} conflicted but cannot be read.");
            return (false, stored);
        }
    }

    public Task MarkRaisedAsync(string applicationId, string messageId, CancellationToken cancellationToken) =>
        this.MoveFateAsync(applicationId, messageId, CommandFate.Pending, reason: null, at: null, from: [CommandFate.Recorded, CommandFate.AwaitingConsent], cancellationToken);

    public Task SettleAsync(string applicationId, CommandSettlement settlement, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settlement);
        return this.MoveFateAsync(
            applicationId, settlement.MessageId, settlement.Fate, settlement.Reason, at, from: [CommandFate.Recorded, CommandFate.Pending, CommandFate.AwaitingConsent], cancellationToken);
    }

    /// <summary>Moves a fate on when it stands at one of <paramref name="from"/>; a settled fate (accepted, rejected) is never changed.</summary>
    async Task MoveFateAsync(string applicationId, string messageId, CommandFate fate, string? reason, DateTimeOffset? at, CommandFate[] from, CancellationToken cancellationToken)
    {
        string partition = TableKeys.Safe(applicationId);
        string rowKey = TableKeys.Safe(messageId);
        var update = new TableEntity(partition, rowKey) { ["Fate"] = Codes.Of(fate) };
        if (reason is not null)
        {
            update["Reason"] = reason;
        }

        if (at is DateTimeOffset settledAt)
        {
            update["SettledAt"] = settledAt;
        }

        // Our own last write, when the row still carries it (its ETag), says the fate without a read.
        WrittenFate? known = this.written.Recall(KeyOf(partition, rowKey)) is WrittenFate w && from.Contains(w.Fate) ? w : null;
        for (int attempt = 1; ; attempt++)
        {
            ETag condition;
            if (known is not null)
            {
                condition = known.ETag;
            }
            else
            {
                NullableResponse<TableEntity> current = await this.table.GetEntityIfExistsAsync<TableEntity>(partition, rowKey, cancellationToken: cancellationToken);
                if (!current.HasValue || !from.Contains(EnumCodes.Parse<CommandFate>(current.Value!.GetString("Fate"))))
                {
                    return; // no recorded command (or one retention removed), or its fate moved past this step
                }

                condition = current.Value.ETag;
            }

            try
            {
                this.RememberFate(applicationId, messageId, fate, await this.table.UpdateEntityAsync(update, condition, TableUpdateMode.Merge, cancellationToken));
                return;
            }
            catch (RequestFailedException e) when (known is not null && (e.IsPreconditionFailed() || e.IsNotFound()))
            {
                this.written.Forget(KeyOf(partition, rowKey)); // changed (a repeat counted, another host) or removed since: read it
                known = null;
            }
            catch (RequestFailedException e) when (e.IsPreconditionFailed() && attempt < StorageErrors.OptimisticAttempts)
            {
                // Another writer moved it between our read and write: read again.
            }
        }
    }

    /// <summary>Remembers a fate still to move on; a settled one (accepted, rejected) is final and forgotten.</summary>
    void RememberFate(string applicationId, string messageId, CommandFate fate, Response response) =>
        this.written.Remember(
            KeyOf(TableKeys.Safe(applicationId), TableKeys.Safe(messageId)),
            response.Headers.ETag,
            keep: fate is not (CommandFate.Accepted or CommandFate.Rejected),
            etag => new WrittenFate(fate, etag));

    static string KeyOf(string partition, string rowKey) => $"{partition}/{rowKey}";

    public async Task<CommandRecord?> GetAsync(string applicationId, string kind, string commandId, CancellationToken cancellationToken)
    {
        NullableResponse<TableEntity> row = await this.table.GetEntityIfExistsAsync<TableEntity>(
            TableKeys.Safe(applicationId), TableKeys.Safe(CommandKinds.MessageId(kind, commandId)), cancellationToken: cancellationToken);
        return row.HasValue ? FromEntity(row.Value!) : null;
    }

    public async Task<IReadOnlyList<CommandRecord>> ListAsync(string applicationId, string? kind, CancellationToken cancellationToken)
    {
        string partition = TableKeys.Safe(applicationId);
        string filter = kind is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {partition}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {kind + ":"} and RowKey lt {kind + ";"}"); // ';' follows ':'
        var records = new List<CommandRecord>();
        await foreach (TableEntity row in this.table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (!row.RowKey.StartsWith(SlotPrefix, StringComparison.Ordinal))
            {
                records.Add(FromEntity(row));
            }
        }

        return [.. records.OrderBy(r => r.ReceivedAt).ThenBy(r => r.MessageId, StringComparer.Ordinal)];
    }

    public async Task NoteRepeatAsync(CommandRecord stored, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        string partition = TableKeys.Safe(stored.ApplicationId);
        string rowKey = TableKeys.Safe(stored.MessageId);
        this.written.Forget(KeyOf(partition, rowKey)); // the count moves the row's ETag: the next fate reads it
        for (int attempt = 1; attempt <= StorageErrors.OptimisticAttempts; attempt++)
        {
            NullableResponse<TableEntity> current = await this.table.GetEntityIfExistsAsync<TableEntity>(partition, rowKey, select: ["Repeats"], cancellationToken: cancellationToken);
            if (!current.HasValue)
            {
                return;
            }

            var update = new TableEntity(partition, rowKey)
            {
                ["Repeats"] = (current.Value!.GetInt32("Repeats") ?? 0) + 1,
                ["LastRepeatAt"] = at,
            };
            try
            {
                await this.table.UpdateEntityAsync(update, current.Value.ETag, TableUpdateMode.Merge, cancellationToken);
                return;
            }
            catch (RequestFailedException e) when (e.IsPreconditionFailed())
            {
                // The fate moved on (or another repeat counted) between our read and write: count again.
            }
        }
    }

    public async Task<SlotHolder> ClaimSlotAsync(string applicationId, string slot, string messageId, string? replaceable, CancellationToken cancellationToken)
    {
        string partition = TableKeys.Safe(applicationId);
        string rowKey = TableKeys.Safe(SlotPrefix + slot);
        if (replaceable is null)
        {
            try
            {
                await this.table.AddEntityAsync(new TableEntity(partition, rowKey) { ["Holder"] = messageId }, cancellationToken);
                return new SlotHolder(messageId, ClaimedNow: true);
            }
            catch (RequestFailedException e) when (e.IsConflict())
            {
                return new SlotHolder(await this.SlotHolderAsync(applicationId, slot, cancellationToken) ?? "", ClaimedNow: false);
            }
        }

        NullableResponse<TableEntity> current = await this.table.GetEntityIfExistsAsync<TableEntity>(partition, rowKey, cancellationToken: cancellationToken);
        if (!current.HasValue || current.Value!.GetString("Holder") != replaceable)
        {
            return new SlotHolder(current.HasValue ? current.Value!.GetString("Holder") : "", ClaimedNow: false);
        }

        try
        {
            await this.table.UpdateEntityAsync(new TableEntity(partition, rowKey) { ["Holder"] = messageId }, current.Value.ETag, TableUpdateMode.Replace, cancellationToken);
            return new SlotHolder(messageId, ClaimedNow: true);
        }
        catch (RequestFailedException e) when (e.IsPreconditionFailed())
        {
            return new SlotHolder(await this.SlotHolderAsync(applicationId, slot, cancellationToken) ?? "", ClaimedNow: false);
        }
    }

    public async Task<string?> SlotHolderAsync(string applicationId, string slot, CancellationToken cancellationToken)
    {
        NullableResponse<TableEntity> row = await this.table.GetEntityIfExistsAsync<TableEntity>(
            TableKeys.Safe(applicationId), TableKeys.Safe(SlotPrefix + slot), cancellationToken: cancellationToken);
        return row.HasValue ? row.Value!.GetString("Holder") : null;
    }

    static TableEntity ToEntity(CommandRecord record)
    {
        var entity = new TableEntity(TableKeys.Safe(record.ApplicationId), TableKeys.Safe(record.MessageId))
        {
            ["Kind"] = record.Kind,
            ["CommandId"] = record.CommandId,
            ["ContentHash"] = record.ContentHash,
            ["ActorRole"] = record.Actor.Role,
            ["ActorSubject"] = record.Actor.Subject,
            ["ActorName"] = record.Actor.Name,
            ["ReceivedAt"] = record.ReceivedAt,
            ["Fate"] = Codes.Of(record.Fate),
            ["Reason"] = record.Reason,
            ["EventName"] = record.EventName,
            ["EventPayload"] = record.EventPayload,
            ["Answer"] = record.Answer,
            ["Repeats"] = record.Repeats,
        };
        if (record.SettledAt is DateTimeOffset settledAt)
        {
            entity["SettledAt"] = settledAt;
        }

        return entity;
    }

    static CommandRecord FromEntity(TableEntity row) => new(
        row.PartitionKey,
        row.GetString("Kind"),
        row.GetString("CommandId"),
        row.GetString("ContentHash"),
        new Actor(row.GetString("ActorRole"), row.GetString("ActorSubject"), row.GetString("ActorName")),
        row.GetDateTimeOffset("ReceivedAt") ?? default,
        EnumCodes.Parse<CommandFate>(row.GetString("Fate")),
        row.GetString("Reason"),
        row.GetString("EventName"),
        row.GetString("EventPayload"),
        row.GetString("Answer"),
        row.GetDateTimeOffset("SettledAt"),
        row.GetInt32("Repeats") ?? 0);
}
