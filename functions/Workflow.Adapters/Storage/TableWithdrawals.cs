using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Workflow.Application.Withdrawals;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Ports;
using Workflow.Orchestrations.Serialization;
using Workflow.Orchestrations.Withdrawals;

namespace Workflow.Adapters.Storage;

/// <summary>
/// Withdrawals after a fraud finding (§2.1) in table <c>Withdrawals</c>: the finding ids taken (PK = "finding-id", RK =
/// finding id: the withdrawal and the content's fingerprint) and, per withdrawal (PK = withdrawal id), the finding (RK
/// "finding"), the withdrawal as its workflow recorded it (RK "state"), one row per command kind, which is the kind's one
/// slot (RK "command|" + kind: the command with who sent it, whether it was raised and its fate), and the federal
/// acknowledgement (RK "federal-ack"). The finding's evidence and the employer's statement live here, never in workflow history.
/// </summary>
public sealed class TableWithdrawals(TableServiceClient tables, StorageNames names) : IWithdrawals, IWithdrawalRecords
{
    const string FindingIdPartition = "finding-id";
    const string FindingRow = "finding";
    const string StateRow = "state";
    const string CommandPrefix = "command|";
    const string FederalRow = "federal-ack";

    readonly TableClient table = tables.GetTableClient(names.WithdrawalsTable);

    public async Task<FindingReservation?> FindReservationAsync(string findingId, CancellationToken cancellationToken)
    {
        NullableResponse<TableEntity> row = await this.table.GetEntityIfExistsAsync<TableEntity>(FindingIdPartition, TableKeys.Safe(findingId), cancellationToken: cancellationToken);
        return row.HasValue ? new FindingReservation(row.Value!.GetString("WithdrawalId"), row.Value.GetString("Fingerprint"), New: false) : null;
    }

    public async Task<FindingReservation> ReserveFindingAsync(string findingId, FindingReservation wanted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        try
        {
            await this.table.AddEntityAsync(
                new TableEntity(FindingIdPartition, TableKeys.Safe(findingId)) { ["WithdrawalId"] = wanted.WithdrawalId, ["Fingerprint"] = wanted.Fingerprint },
                cancellationToken);
            return wanted with { New = true };
        }
        catch (RequestFailedException e) when (e.IsConflict())
        {
            return await this.FindReservationAsync(findingId, cancellationToken)
                ?? throw new InvalidOperationException($"Finding id {findingId} is taken but its reservation is gone.");
        }
    }

    public async Task ReleaseFindingAsync(string findingId, string withdrawalId, CancellationToken cancellationToken)
    {
        NullableResponse<TableEntity> row = await this.table.GetEntityIfExistsAsync<TableEntity>(FindingIdPartition, TableKeys.Safe(findingId), cancellationToken: cancellationToken);
        if (row.HasValue && row.Value!.GetString("WithdrawalId") == withdrawalId)
        {
            await this.table.DeleteEntityAsync(FindingIdPartition, TableKeys.Safe(findingId), row.Value.ETag, cancellationToken);
        }
    }

    public async Task SaveFindingAsync(StoredFinding finding, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(finding);
        try
        {
            await this.table.AddEntityAsync(
                new TableEntity(finding.WithdrawalId, FindingRow)
                {
                    ["Finding"] = JsonSerializer.Serialize(finding, WorkflowJson.Options),
                    ["Fingerprint"] = finding.Fingerprint,
                },
                cancellationToken);
        }
        catch (RequestFailedException e) when (e.IsConflict())
        {
            // Stored by an earlier try of the same finding.
        }
    }

    public async Task<StoredWithdrawal?> GetAsync(string withdrawalId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(withdrawalId);
        StoredFinding? finding = null;
        WithdrawalCase? state = null;
        DateTimeOffset? acknowledged = null;
        var commands = new List<WithdrawalCommand>();
        await foreach (TableEntity row in this.table.QueryAsync<TableEntity>(r => r.PartitionKey == withdrawalId, cancellationToken: cancellationToken))
        {
            switch (row.RowKey)
            {
                case FindingRow:
                    finding = JsonSerializer.Deserialize<StoredFinding>(row.GetString("Finding"), WorkflowJson.Options)! with { Fingerprint = row.GetString("Fingerprint") };
                    break;
                case StateRow:
                    state = JsonSerializer.Deserialize<WithdrawalCase>(row.GetString("State"), WorkflowJson.Options);
                    break;
                case FederalRow:
                    acknowledged = row.GetDateTimeOffset("At");
                    break;
                default:
                    if (row.RowKey.StartsWith(CommandPrefix, StringComparison.Ordinal))
                    {
                        commands.Add(ToCommand(row));
                    }

                    break;
            }
        }

        return finding is null ? null : new StoredWithdrawal(finding, state, [.. commands.OrderBy(c => c.At)], acknowledged);
    }

    public async Task<(WithdrawalCommand Record, bool New)> RecordCommandAsync(string withdrawalId, WithdrawalCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        try
        {
            await this.table.AddEntityAsync(
                new TableEntity(withdrawalId, CommandPrefix + command.Kind)
                {
                    ["Command"] = JsonSerializer.Serialize(command, WorkflowJson.Options),
                    ["Fingerprint"] = command.Fingerprint,
                    ["Raised"] = false,
                },
                cancellationToken);
            return (command, true);
        }
        catch (RequestFailedException e) when (e.IsConflict())
        {
            TableEntity taken = (await this.table.GetEntityAsync<TableEntity>(withdrawalId, CommandPrefix + command.Kind, cancellationToken: cancellationToken)).Value;
            return (ToCommand(taken), false);
        }
    }

    public Task MarkRaisedAsync(string withdrawalId, string kind, CancellationToken cancellationToken) =>
        this.table.UpdateEntityAsync(new TableEntity(withdrawalId, CommandPrefix + kind) { ["Raised"] = true }, ETag.All, TableUpdateMode.Merge, cancellationToken);

    public async Task<bool> RecordFederalAcknowledgementAsync(string withdrawalId, string messageId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        try
        {
            await this.table.AddEntityAsync(new TableEntity(withdrawalId, FederalRow) { ["MessageId"] = messageId, ["At"] = at }, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.IsConflict())
        {
            return false;
        }
    }

    public Task SaveStateAsync(WithdrawalCase state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        return this.table.UpsertEntityAsync(
            new TableEntity(state.WithdrawalId, StateRow) { ["State"] = JsonSerializer.Serialize(state, WorkflowJson.Options) },
            TableUpdateMode.Replace,
            cancellationToken);
    }

    public async Task SettleAsync(string withdrawalId, CommandSettlement settlement, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settlement);
        int colon = settlement.MessageId.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return;
        }

        string kind = settlement.MessageId[..colon];
        NullableResponse<TableEntity> row = await this.table.GetEntityIfExistsAsync<TableEntity>(withdrawalId, CommandPrefix + kind, cancellationToken: cancellationToken);
        if (!row.HasValue || ToCommand(row.Value!).MessageId != settlement.MessageId)
        {
            return; // raised by no recorded command: nothing to settle
        }

        var fate = new TableEntity(withdrawalId, CommandPrefix + kind)
        {
            ["Fate"] = JsonSerializer.Serialize(settlement.Fate, WorkflowJson.Options),
            ["SettledAt"] = at,
        };
        if (settlement.Reason is string reason)
        {
            fate["FateReason"] = reason;
        }

        await this.table.UpdateEntityAsync(fate, ETag.All, TableUpdateMode.Merge, cancellationToken);
    }

    static WithdrawalCommand ToCommand(TableEntity row) =>
        JsonSerializer.Deserialize<WithdrawalCommand>(row.GetString("Command"), WorkflowJson.Options)! with
        {
            Fingerprint = row.GetString("Fingerprint"),
            Raised = row.GetBoolean("Raised") ?? false,
            Fate = row.GetString("Fate") is string fate ? JsonSerializer.Deserialize<CommandFate>(fate, WorkflowJson.Options) : null,
            FateReason = row.GetString("FateReason"),
            SettledAt = row.GetDateTimeOffset("SettledAt"),
        };
}
