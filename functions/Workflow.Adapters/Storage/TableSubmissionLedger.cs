using Azure;
using Azure.Data.Tables;
using Workflow.Application;
using Workflow.Application.Ports;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Ports;

namespace Workflow.Adapters.Storage;

/// <summary>
/// The submissions table (PK = application id, RK = "submission"): the conditional insert that makes submission
/// idempotent before anything is scheduled, and the ETag-guarded take-over of a reservation whose submitter crashed.
/// With it, the applicant's index (table <c>ApplicantApplications</c>, PK = applicant key, RK = inverted submission
/// time + application id): written in the same step as the reservation, and again by every repeat of it, so an entry
/// a crash left unwritten is written by the retry (an upsert of the same row: safe to repeat).
/// </summary>
public sealed class TableSubmissionLedger(TableServiceClient tables, StorageNames names) : ISubmissionLedger, IApplicantHistory, IApplicantIndex
{
    const string RowKey = "submission";

    readonly TableClient table = tables.GetTableClient(names.SubmissionsTable);
    readonly TableClient byApplicant = tables.GetTableClient(names.ApplicantApplicationsTable);

    public async Task<(ReservationOutcome Outcome, SubmissionRecord Record)> TryReserveAsync(SubmissionRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        try
        {
            await this.table.AddEntityAsync(ToEntity(record), cancellationToken);
            await this.IndexAsync(record, cancellationToken);
            return (ReservationOutcome.Reserved, record);
        }
        catch (RequestFailedException e) when (e.IsConflict())
        {
            SubmissionRecord stored = await this.GetAsync(record.ApplicationId, cancellationToken)
                ?? throw new InvalidOperationException($"The submission {record.ApplicationId} conflicted but cannot be read.");
            await this.IndexAsync(stored, cancellationToken); // the stored time, so a repeat writes the very same row
            return (ReservationOutcome.Exists, stored);
        }
    }

    public async Task<ApplicantIndexPage> ListAsync(string applicantKey, int pageSize, string? after, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(applicantKey);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        string partition = TableKeys.Safe(applicantKey);
        string filter = after is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {partition}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey gt {after}");

        // One more than asked tells whether a next page exists without handing out a continuation that leads nowhere.
        var entries = new List<ApplicantIndexEntry>(pageSize + 1);
        await foreach (TableEntity row in this.byApplicant.QueryAsync<TableEntity>(filter, maxPerPage: pageSize + 1, cancellationToken: cancellationToken))
        {
            entries.Add(new ApplicantIndexEntry(
                row.GetString("ApplicationId"),
                row.GetString("SubmissionId"),
                EnumCodes.Parse<PermitCategory>(row.GetString("Category")),
                row.GetDateTimeOffset("SubmittedAt") ?? default));
            if (entries.Count > pageSize)
            {
                break;
            }
        }

        return entries.Count > pageSize
            ? new ApplicantIndexPage(entries[..pageSize], entries[pageSize - 1].Key)
            : new ApplicantIndexPage(entries, null);
    }

    async Task IndexAsync(SubmissionRecord record, CancellationToken cancellationToken) =>
        await this.byApplicant.UpsertEntityAsync(
            new TableEntity(TableKeys.Safe(record.ApplicantKey), ApplicantIndexKey.For(record.SubmittedAt, record.ApplicationId))
            {
                ["ApplicationId"] = record.ApplicationId,
                ["SubmissionId"] = record.SubmissionId,
                ["Category"] = Codes.Of(record.Category),
                ["SubmittedAt"] = record.SubmittedAt,
            },
            TableUpdateMode.Replace,
            cancellationToken);

    public async Task<bool> TryTakeOverAsync(SubmissionRecord seen, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seen);
        NullableResponse<TableEntity> current = await this.table.GetEntityIfExistsAsync<TableEntity>(
            TableKeys.Safe(seen.ApplicationId), RowKey, cancellationToken: cancellationToken);
        if (!current.HasValue)
        {
            return false;
        }

        TableEntity entity = current.Value!;
        if (entity.GetBoolean("Scheduled") == true || entity.GetDateTimeOffset("ReservedAt") != seen.ReservedAt)
        {
            return false;
        }

        var takeOver = new TableEntity(entity.PartitionKey, entity.RowKey) { ["ReservedAt"] = now };
        try
        {
            await this.table.UpdateEntityAsync(takeOver, entity.ETag, TableUpdateMode.Merge, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.IsPreconditionFailed())
        {
            return false; // Another request took it over (or scheduled it) between our read and write.
        }
    }

    public async Task MarkScheduledAsync(string applicationId, CancellationToken cancellationToken)
    {
        var scheduled = new TableEntity(TableKeys.Safe(applicationId), RowKey) { ["Scheduled"] = true };
        await this.table.UpdateEntityAsync(scheduled, ETag.All, TableUpdateMode.Merge, cancellationToken);
    }

    public async Task<SubmissionRecord?> GetAsync(string applicationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(applicationId);
        NullableResponse<TableEntity> row = await this.table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Safe(applicationId), RowKey, cancellationToken: cancellationToken);
        return row.HasValue ? FromEntity(applicationId, row.Value!) : null;
    }

    static TableEntity ToEntity(SubmissionRecord record)
    {
        var entity = new TableEntity(TableKeys.Safe(record.ApplicationId), RowKey)
        {
            ["ApplicantKey"] = record.ApplicantKey,
            ["SubmissionId"] = record.SubmissionId,
            ["BodySha256"] = record.BodySha256,
            ["Category"] = Codes.Of(record.Category),
            ["SubmittedAt"] = record.SubmittedAt,
            ["Scheduled"] = record.Scheduled,
            ["ReservedAt"] = record.ReservedAt,
            ["InPeakPeriod"] = record.InPeakPeriod,
            ["FunctionExcluded"] = record.FunctionExcluded,
        };
        if (record.FeeCents is long cents)
        {
            entity["FeeCents"] = cents;
        }

        if (record.FeeCurrency is string currency)
        {
            entity["FeeCurrency"] = currency;
        }

        if (record.Renews is string renews)
        {
            entity["Renews"] = renews;
        }

        return entity;
    }

    static SubmissionRecord FromEntity(string applicationId, TableEntity entity) => new(
        applicationId,
        entity.GetString("ApplicantKey"),
        entity.GetString("SubmissionId"),
        entity.GetString("BodySha256"),
        EnumCodes.Parse<PermitCategory>(entity.GetString("Category")),
        entity.GetDateTimeOffset("SubmittedAt") ?? default,
        entity.GetInt64("FeeCents"),
        entity.GetString("FeeCurrency"),
        entity.GetBoolean("Scheduled") ?? false,
        entity.GetDateTimeOffset("ReservedAt") ?? default,
        entity.GetBoolean("InPeakPeriod") ?? false,
        entity.GetBoolean("FunctionExcluded") ?? false,
        entity.GetString("Renews"));

    /// <summary>Counts the applicant's submissions since a moment (a scan by applicant: fine for the volumes of one region).</summary>
    public async Task<int> CountApplicationsAsync(string applicantKey, DateTimeOffset since, CancellationToken cancellationToken)
    {
        int count = 0;
        string filter = TableClient.CreateQueryFilter($"ApplicantKey eq {applicantKey} and SubmittedAt ge {since}");
        await foreach (TableEntity _ in this.table.QueryAsync<TableEntity>(filter, select: ["PartitionKey"], cancellationToken: cancellationToken))
        {
            count++;
        }

        return count;
    }
}
