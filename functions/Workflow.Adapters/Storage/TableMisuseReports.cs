using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Workflow.Application.Reports;
using Workflow.Orchestrations.Ports;
using Workflow.Orchestrations.Reports;
using Workflow.Orchestrations.Serialization;

namespace Workflow.Adapters.Storage;

/// <summary>
/// Misuse reports (concept note §2.8) in table <c>MisuseReports</c>: the report (PK = case id, RK = "report"), the
/// inspectors' actions (RK = "action|" + id), the lookup by reference (PK = "ref", RK = reference), the report ids
/// taken (PK = "id", RK = report id) and each inspection's queue (PK = "queue-social" / "queue-housing", RK = received
/// time and case id, so oldest first). The reporter lives apart, in table <c>MisuseReporters</c> (PK = case id), read
/// only for the inspectors' view. No application table is written.
/// </summary>
public sealed class TableMisuseReports(TableServiceClient tables, StorageNames names) : IMisuseReports, IMisuseReportTriage
{
    const string ReportRow = "report";
    const string ActionPrefix = "action|";
    const string ReferencePartition = "ref";
    const string ReportIdPartition = "id";

    readonly TableClient table = tables.GetTableClient(names.MisuseReportsTable);
    readonly TableClient reporters = tables.GetTableClient(names.MisuseReportersTable);

    public async Task<ReportReservation> ReserveAsync(string reportId, ReportReservation wanted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        var row = new TableEntity(ReportIdPartition, reportId)
        {
            ["Reference"] = wanted.Reference,
            ["CaseId"] = wanted.CaseId,
            ["Fingerprint"] = wanted.Fingerprint,
        };
        try
        {
            await this.table.AddEntityAsync(row, cancellationToken);
            return wanted with { New = true };
        }
        catch (RequestFailedException e) when (e.IsConflict())
        {
            TableEntity taken = (await this.table.GetEntityAsync<TableEntity>(ReportIdPartition, reportId, cancellationToken: cancellationToken)).Value;
            return new ReportReservation(taken.GetString("Reference"), taken.GetString("CaseId"), taken.GetString("Fingerprint"), New: false);
        }
    }

    public async Task SaveAsync(StoredReport report, ReporterRecord? reporter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (reporter is not null)
        {
            await AddIfAbsentAsync(this.reporters, new TableEntity(report.CaseId, "reporter")
            {
                ["ContactName"] = reporter.ContactName,
                ["Email"] = reporter.Email,
                ["Phone"] = reporter.Phone,
                ["Role"] = reporter.Role,
                ["Subject"] = reporter.Subject,
                ["Name"] = reporter.Name,
            }, cancellationToken);
        }

        await AddIfAbsentAsync(this.table, new TableEntity(report.CaseId, ReportRow)
        {
            ["Reference"] = report.Reference,
            ["ReceivedAt"] = report.ReceivedAt,
            ["Signals"] = JsonSerializer.Serialize(report.Signals, WorkflowJson.Options),
            ["EmployerKbo"] = report.EmployerKbo,
            ["WorkerSituation"] = report.WorkerSituation,
            ["Description"] = report.Description,
            ["Placements"] = JsonSerializer.Serialize(report.Placements, WorkflowJson.Options),
        }, cancellationToken);
        await AddIfAbsentAsync(this.table, new TableEntity(ReferencePartition, report.Reference) { ["CaseId"] = report.CaseId }, cancellationToken);
    }

    public async Task<StoredReport?> FindAsync(string reference, CancellationToken cancellationToken)
    {
        NullableResponse<TableEntity> lookup = await this.table.GetEntityIfExistsAsync<TableEntity>(ReferencePartition, reference, cancellationToken: cancellationToken);
        return lookup.HasValue ? await this.ReportAsync(lookup.Value!.GetString("CaseId"), cancellationToken) : null;
    }

    public async Task<IReadOnlyList<StoredReport>> QueueAsync(Inspection inspection, int max, CancellationToken cancellationToken)
    {
        var found = new List<StoredReport>();
        string partition = QueuePartition(inspection);
        await foreach (TableEntity row in this.table.QueryAsync<TableEntity>(r => r.PartitionKey == partition, maxPerPage: max, cancellationToken: cancellationToken))
        {
            if (await this.ReportAsync(row.GetString("CaseId"), cancellationToken) is { } report)
            {
                found.Add(report);
            }

            if (found.Count >= max)
            {
                break;
            }
        }

        return found;
    }

    public async Task<ReporterRecord?> ReporterAsync(string caseId, CancellationToken cancellationToken)
    {
        NullableResponse<TableEntity> row = await this.reporters.GetEntityIfExistsAsync<TableEntity>(caseId, "reporter", cancellationToken: cancellationToken);
        return row.HasValue
            ? new ReporterRecord(row.Value!.GetString("ContactName"), row.Value.GetString("Email"), row.Value.GetString("Phone"), row.Value.GetString("Role"), row.Value.GetString("Subject"), row.Value.GetString("Name"))
            : null;
    }

    public async Task<(ReportActionRecord Record, bool New)> RecordActionAsync(string caseId, ReportActionRecord action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            await this.table.AddEntityAsync(
                new TableEntity(caseId, ActionPrefix + action.ActionId)
                {
                    ["Action"] = JsonSerializer.Serialize(action, WorkflowJson.Options),
                    ["Fingerprint"] = action.Fingerprint,
                },
                cancellationToken);
            return (action, true);
        }
        catch (RequestFailedException e) when (e.IsConflict())
        {
            TableEntity taken = (await this.table.GetEntityAsync<TableEntity>(caseId, ActionPrefix + action.ActionId, cancellationToken: cancellationToken)).Value;
            return (ToAction(taken), false);
        }
    }

    public async Task<IReadOnlyList<ReportActionRecord>> ActionsAsync(string caseId, CancellationToken cancellationToken)
    {
        var actions = new List<ReportActionRecord>();
        string from = ActionPrefix;
        string to = ActionPrefix[..^1] + (char)(ActionPrefix[^1] + 1);
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {caseId} and RowKey ge {from} and RowKey lt {to}");
        await foreach (TableEntity row in this.table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            actions.Add(ToAction(row));
        }

        return [.. actions.OrderBy(a => a.At)];
    }

    /// <summary>The workflow's step: the queues first, then the report's placements and the action's fate; every write safe to repeat.</summary>
    public async Task RecordAsync(ReportTriageRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        StoredReport report = await this.ReportAsync(record.CaseId, cancellationToken)
            ?? throw new InvalidOperationException($"Report {record.CaseId} is not in the reports table.");
        string queueKey = string.Create(CultureInfo.InvariantCulture, $"{report.ReceivedAt.UtcTicks:D19}|{report.CaseId}");
        foreach (Inspection inspection in Enum.GetValues<Inspection>())
        {
            if (ReportTriage.HoldsOpen(record.Placements, inspection))
            {
                await this.table.UpsertEntityAsync(new TableEntity(QueuePartition(inspection), queueKey) { ["CaseId"] = report.CaseId }, TableUpdateMode.Replace, cancellationToken);
            }
            else
            {
                await this.table.DeleteEntityAsync(QueuePartition(inspection), queueKey, ETag.All, cancellationToken);
            }
        }

        await this.table.UpdateEntityAsync(
            new TableEntity(record.CaseId, ReportRow) { ["Placements"] = JsonSerializer.Serialize(record.Placements, WorkflowJson.Options) },
            ETag.All,
            TableUpdateMode.Merge,
            cancellationToken);
        if (record.ActionId is not null)
        {
            await this.table.UpdateEntityAsync(
                new TableEntity(record.CaseId, ActionPrefix + record.ActionId) { ["Applied"] = record.Applied },
                ETag.All,
                TableUpdateMode.Merge,
                cancellationToken);
        }
    }

    async Task<StoredReport?> ReportAsync(string caseId, CancellationToken cancellationToken)
    {
        NullableResponse<TableEntity> found = await this.table.GetEntityIfExistsAsync<TableEntity>(caseId, ReportRow, cancellationToken: cancellationToken);
        if (!found.HasValue)
        {
            return null;
        }

        TableEntity row = found.Value!;
        return new StoredReport(
            caseId,
            row.GetString("Reference"),
            row.GetDateTimeOffset("ReceivedAt")!.Value,
            JsonSerializer.Deserialize<List<MisuseSignal>>(row.GetString("Signals"), WorkflowJson.Options)!,
            row.GetString("EmployerKbo"),
            row.GetString("WorkerSituation"),
            row.GetString("Description"),
            JsonSerializer.Deserialize<List<ReportPlacement>>(row.GetString("Placements"), WorkflowJson.Options)!);
    }

    static ReportActionRecord ToAction(TableEntity row) =>
        JsonSerializer.Deserialize<ReportActionRecord>(row.GetString("Action"), WorkflowJson.Options)! with
        {
            Fingerprint = row.GetString("Fingerprint"),
            Applied = row.GetBoolean("Applied"),
        };

    static string QueuePartition(Inspection inspection) => inspection == Inspection.Social ? "queue-social" : "queue-housing";

    static async Task AddIfAbsentAsync(TableClient client, TableEntity row, CancellationToken cancellationToken)
    {
        try
        {
            await client.AddEntityAsync(row, cancellationToken);
        }
        catch (RequestFailedException e) when (e.IsConflict())
        {
            // Written by an earlier try of the same report.
        }
    }
}
