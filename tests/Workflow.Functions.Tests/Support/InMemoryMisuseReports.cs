using System.Collections.Concurrent;
using Workflow.Application.Reports;
using Workflow.Orchestrations.Ports;
using Workflow.Orchestrations.Reports;

namespace Workflow.Functions.Tests.Support;

/// <summary>The reports table in memory, for calling the report functions without storage.</summary>
internal sealed class InMemoryMisuseReports : IMisuseReports, IMisuseReportTriage
{
    readonly ConcurrentDictionary<string, ReportReservation> ids = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<string, StoredReport> byCase = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<string, ReporterRecord> reporters = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<(string CaseId, string ActionId), ReportActionRecord> actions = new();

    public int Count => this.byCase.Count;

    public Task<ReportReservation> ReserveAsync(string reportId, ReportReservation wanted, CancellationToken cancellationToken)
    {
        ReportReservation stored = this.ids.GetOrAdd(reportId, wanted);
        return Task.FromResult(ReferenceEquals(stored, wanted) ? wanted : stored with { New = false });
    }

    public Task SaveAsync(StoredReport report, ReporterRecord? reporter, CancellationToken cancellationToken)
    {
        this.byCase.TryAdd(report.CaseId, report);
        if (reporter is not null)
        {
            this.reporters.TryAdd(report.CaseId, reporter);
        }

        return Task.CompletedTask;
    }

    public Task<StoredReport?> FindAsync(string reference, CancellationToken cancellationToken) =>
        Task.FromResult(this.byCase.Values.FirstOrDefault(r => r.Reference == reference));

    public Task<IReadOnlyList<StoredReport>> QueueAsync(Inspection inspection, int max, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StoredReport>>([.. this.byCase.Values.Where(r => ReportTriage.HoldsOpen(r.Placements, inspection)).OrderBy(r => r.ReceivedAt).Take(max)]);

    public Task<ReporterRecord?> ReporterAsync(string caseId, CancellationToken cancellationToken) =>
        Task.FromResult(this.reporters.GetValueOrDefault(caseId));

    public Task<(ReportActionRecord Record, bool New)> RecordActionAsync(string caseId, ReportActionRecord action, CancellationToken cancellationToken)
    {
        ReportActionRecord stored = this.actions.GetOrAdd((caseId, action.ActionId), action);
        return Task.FromResult((stored, ReferenceEquals(stored, action)));
    }

    public Task<IReadOnlyList<ReportActionRecord>> ActionsAsync(string caseId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ReportActionRecord>>([.. this.actions.Where(a => a.Key.CaseId == caseId).Select(a => a.Value).OrderBy(a => a.At)]);

    public Task RecordAsync(ReportTriageRecord record, CancellationToken cancellationToken)
    {
        this.byCase.AddOrUpdate(record.CaseId, _ => throw new InvalidOperationException("No such report."), (_, report) => report with { Placements = record.Placements });
        return Task.CompletedTask;
    }
}
