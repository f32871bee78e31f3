using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Workflow.Orchestrations.Activities;
using Workflow.Orchestrations.Cases;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Policy;
using Workflow.Orchestrations.Ports;

namespace Workflow.Adapters.Storage;

/// <summary>
/// Fills the KPI projection (<see cref="ICaseFacts"/>) from the case index once, for the applications recorded before
/// the projection existed: each case's facts (ordered by revision like the workflow's own writes, so running beside
/// them changes nothing they wrote later) and, while its dossier is kept, its assessment's. Runs when a host starts,
/// until a marker row says it finished; a pass a crash cut short runs again whole.
/// </summary>
public sealed partial class CaseFactsBackfill(
    TableServiceClient tables,
    StorageNames names,
    ICaseFacts facts,
    IDossierStore dossiers,
    EligibilityCatalog catalog,
    ILogger<CaseFactsBackfill> logger) : BackgroundService
{
    internal const string MarkerPartition = "backfill";
    /// <summary>The second pass ("done-2") gives rows written before the dashboard's filter columns existed those columns.</summary>
    internal const string MarkerRow = "done-2";

    /// <summary>How long to wait before trying again after storage failed (the tables may not be created yet).</summary>
    public static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await this.RunOnceAsync(stoppingToken) is int cases)
                {
                    LogFilled(logger, cases);
                }

                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is RequestFailedException or AggregateException or InvalidOperationException)
            {
                LogFailed(logger, e.GetType().Name, (e as RequestFailedException)?.Status ?? 0);
                try
                {
                    await Task.Delay(RetryInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Fills the projection unless a finished pass left its marker; returns how many cases it recorded, or null when there was nothing to do.</summary>
    public async Task<int?> RunOnceAsync(CancellationToken cancellationToken)
    {
        TableClient projection = tables.GetTableClient(names.CaseFactsTable);
        if ((await projection.GetEntityIfExistsAsync<TableEntity>(MarkerPartition, MarkerRow, cancellationToken: cancellationToken)).HasValue)
        {
            return null;
        }

        int cases = await this.FillAsync(cancellationToken);
        await projection.UpsertEntityAsync(new TableEntity(MarkerPartition, MarkerRow) { ["Cases"] = cases }, TableUpdateMode.Replace, cancellationToken);
        return cases;
    }

    /// <summary>One pass over the whole case index, whatever the marker says. Returns how many cases it recorded.</summary>
    public async Task<int> FillAsync(CancellationToken cancellationToken)
    {
        TableClient index = tables.GetTableClient(names.CaseIndexTable);
        string filter = TableClient.CreateQueryFilter($"RowKey eq {TableCaseIndex.RowKey}");
        int cases = 0;
        await foreach (TableCaseIndex.CaseRow row in index.QueryAsync<TableCaseIndex.CaseRow>(filter, cancellationToken: cancellationToken))
        {
            try
            {
                PermitCase state = TableCaseIndex.Read(row);
                await facts.RecordAsync(CaseFacts.Of(state), cancellationToken);
                if (await this.AssessmentOfAsync(state.ApplicationId, cancellationToken) is AssessmentFacts assessment)
                {
                    await facts.RecordAssessmentAsync(state.ApplicationId, assessment, cancellationToken);
                }

                cases++;
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or FormatException)
            {
                // One unreadable old row must not stop the pass (and with it the host) nor make it rescan every start:
                // skipped, named by its key (an application id, no personal data); the workflow records it at its next step.
                LogSkipped(logger, row.PartitionKey, e.GetType().Name);
            }
        }

        return cases;
    }

    /// <summary>What the assessment activity records, from the dossier's assessment record; null when not assessed or the dossier is gone.</summary>
    async Task<AssessmentFacts?> AssessmentOfAsync(string applicationId, CancellationToken cancellationToken)
    {
        AssessmentRecord? record = await dossiers.GetRecordAsync<AssessmentRecord>(applicationId, AssessApplicationActivity.Record, cancellationToken);
        ApplicationDossier? dossier = record is null ? null : await dossiers.GetApplicationAsync(applicationId, cancellationToken);
        return record is null || dossier is null
            ? null
            : AssessApplicationActivity.Evaluated(dossier, catalog.Resolve(record.SubmissionDate).HighlySkilledSalary, record.Signals);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The dashboard's projection skipped case {ApplicationId}: its stored state could not be read ({Error})")]
    static partial void LogSkipped(ILogger logger, string applicationId, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "The dashboard's projection was filled from the case index: {Cases} cases")]
    static partial void LogFilled(ILogger logger, int cases);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Filling the dashboard's projection from the case index failed ({ExceptionType}, status {Status}); trying again")]
    static partial void LogFailed(ILogger logger, string exceptionType, int status);
}
