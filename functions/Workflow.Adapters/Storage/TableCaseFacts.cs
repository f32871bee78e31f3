using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Workflow.Orchestrations.Cases;
using Workflow.Orchestrations.Ports;
using Workflow.Orchestrations.Serialization;

namespace Workflow.Adapters.Storage;

/// <summary>
/// The KPI projection in Table storage: one row per application (PK "case", RK = the application id), holding the
/// case's facts as JSON with their revision, the columns the dashboard filters on (open or not, the month submitted and
/// the month decided), and the assessment's salary band and signal kinds in columns of their own (merged, so neither
/// writer overwrites the other). A case write is conditional on the row it read and skipped when the row holds the same
/// or a later record (<see cref="RecordOrder"/>): retried activities change nothing, and a record of an episode a crash
/// lost gives way to the one of the episode that replaced it. The host remembers the ETag of its own last write of a case
/// (<see cref="RememberedWrites{T}"/>), so the next revision is written conditional on it without the read.
/// </summary>
/// <remarks>
/// The filters are evaluated by the table service within the one partition, so only matching rows travel: at some
/// 20,000 applications a year that is enough; a month partition would make them range reads if it ever is not.
/// </remarks>
public sealed class TableCaseFacts(TableServiceClient tables, StorageNames names) : ICaseFacts
{
    internal const string Partition = "case";

    readonly TableClient table = tables.GetTableClient(names.CaseFactsTable);
    readonly RememberedWrites<Written> written = new();

    public async Task RecordAsync(CaseFacts facts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(facts);
        string key = TableKeys.Safe(facts.ApplicationId);
        Written? remembered = this.written.Recall(key);
        if (remembered is not null && remembered.Order >= facts.Order)
        {
            remembered = null; // a retry or a repair (the backfill): read the row, it may have gone
        }

        for (int attempt = 1; ; attempt++)
        {
            try
            {
                ETag? condition = remembered?.ETag;
                if (remembered is null)
                {
                    NullableResponse<FactsRow> stored = await this.table.GetEntityIfExistsAsync<FactsRow>(Partition, key, [nameof(FactsRow.Revision), nameof(FactsRow.RecordedAt), nameof(FactsRow.Facts), nameof(FactsRow.SubmittedMonth)], cancellationToken);
                    if (stored.HasValue && stored.Value!.Facts is not null && stored.Value.SubmittedMonth is not null && stored.Value.Order() >= facts.Order)
                    {
                        return; // a row without the filter columns (written before they existed) is written again
                    }

                    condition = stored.HasValue ? stored.Value!.ETag : null;
                }

                var row = new TableEntity(Partition, key)
                {
                    [nameof(FactsRow.Revision)] = facts.Revision,
                    [nameof(FactsRow.RecordedAt)] = facts.RecordedAt,
                    [nameof(FactsRow.Facts)] = JsonSerializer.Serialize(facts, WorkflowJson.Options),
                    [nameof(FactsRow.Open)] = facts.IsOpen,
                    [nameof(FactsRow.SubmittedMonth)] = facts.SubmittedMonth,
                    [nameof(FactsRow.DecidedMonth)] = facts.DecidedMonth ?? "",
                };
                Response response = condition is ETag etag
                    ? await this.table.UpdateEntityAsync(row, etag, TableUpdateMode.Merge, cancellationToken)
                    : await this.table.AddEntityAsync(row, cancellationToken);

                this.written.Remember(key, response.Headers.ETag, keep: facts.IsOpen, etag => new Written(facts.Order, etag));
                return;
            }
            catch (RequestFailedException e) when (remembered is not null && (e.IsPreconditionFailed() || e.IsNotFound()))
            {
                // Changed (or removed) since this process wrote it: read it, as without memory.
                this.written.Forget(key);
                remembered = null;
            }
            catch (RequestFailedException e) when ((e.IsConflict() || e.IsPreconditionFailed()) && attempt < StorageErrors.OptimisticAttempts)
            {
                // Written in between (the assessment, or this write retried): read again and compare again.
            }
        }
    }

    public async Task RecordAssessmentAsync(string applicationId, AssessmentFacts assessment, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(applicationId);
        ArgumentNullException.ThrowIfNull(assessment);
        var row = new TableEntity(Partition, TableKeys.Safe(applicationId))
        {
            [nameof(FactsRow.Assessed)] = true,
            [nameof(FactsRow.SalaryBand)] = assessment.SalaryBand ?? "",
            [nameof(FactsRow.SalaryReferenceYear)] = assessment.SalaryReferenceYear ?? 0,
            [nameof(FactsRow.Signals)] = string.Join(',', assessment.Signals),
        };
        await this.table.UpsertEntityAsync(row, TableUpdateMode.Merge, cancellationToken);
        this.written.Forget(row.RowKey); // the row's ETag moved: the next case write reads it rather than fail on the old one
    }

    public Task<IReadOnlyList<RecordedCase>> ListAsync(CancellationToken cancellationToken) =>
        this.QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), cancellationToken);

    public Task<IReadOnlyList<RecordedCase>> ListOpenAsync(CancellationToken cancellationToken) =>
        this.QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and Open eq {true}"), cancellationToken);

    public Task<IReadOnlyList<RecordedCase>> ListMonthsAsync(string fromMonth, string toMonth, CancellationToken cancellationToken) =>
        this.QueryAsync(
            TableClient.CreateQueryFilter(
                $"PartitionKey eq {Partition} and ((SubmittedMonth ge {fromMonth} and SubmittedMonth le {toMonth}) or (DecidedMonth ge {fromMonth} and DecidedMonth le {toMonth}))"),
            cancellationToken);

    async Task<IReadOnlyList<RecordedCase>> QueryAsync(string filter, CancellationToken cancellationToken)
    {
        var cases = new List<RecordedCase>();
        await foreach (FactsRow row in this.table.QueryAsync<FactsRow>(filter, cancellationToken: cancellationToken))
        {
            if (row.Facts is null)
            {
                continue; // assessed, but its case not recorded yet
            }

            CaseFacts facts = JsonSerializer.Deserialize<CaseFacts>(row.Facts, WorkflowJson.Options)
                ?? throw new InvalidOperationException("A case facts row holds no facts.");
            AssessmentFacts? assessment = row.Assessed
                ? new AssessmentFacts(
                    string.IsNullOrEmpty(row.SalaryBand) ? null : row.SalaryBand,
                    row.SalaryReferenceYear is > 0 ? row.SalaryReferenceYear : null,
                    string.IsNullOrEmpty(row.Signals) ? [] : row.Signals.Split(','))
                : null;
            cases.Add(new RecordedCase(facts, assessment));
        }

        return cases;
    }

    /// <summary>One row of the projection.</summary>
    internal sealed class FactsRow : ITableEntity
    {
        public string PartitionKey { get; set; } = "";

        public string RowKey { get; set; } = "";

        public DateTimeOffset? Timestamp { get; set; }

        public ETag ETag { get; set; }

        public int Revision { get; set; }

        /// <summary>The episode time of the revision; absent on rows written before it was kept.</summary>
        public DateTimeOffset? RecordedAt { get; set; }

        public string? Facts { get; set; }

        public bool Open { get; set; }

        public string? SubmittedMonth { get; set; }

        /// <summary>Empty until decided.</summary>
        public string? DecidedMonth { get; set; }

        public bool Assessed { get; set; }

        public string? SalaryBand { get; set; }

        public int? SalaryReferenceYear { get; set; }

        public string? Signals { get; set; }

        /// <summary>A method, not a property: the table client would store a property as a column.</summary>
        public RecordOrder Order() => new(this.RecordedAt, this.Revision);
    }

    /// <summary>What the next write of a case's facts needs: the record written and the row's ETag after it.</summary>
    internal sealed record Written(RecordOrder Order, ETag ETag);
}
