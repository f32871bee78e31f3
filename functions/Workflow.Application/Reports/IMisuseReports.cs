using Workflow.Orchestrations.Reports;

namespace Workflow.Application.Reports;

/// <summary>
/// The reports table: reports by case id and by reference, the reporters apart from them, the inspectors' actions, the
/// inspections' queues (written by the workflow through <see cref="Orchestrations.Ports.IMisuseReportTriage"/>).
/// </summary>
public interface IMisuseReports
{
    /// <summary>Reserves <paramref name="reportId"/> for this reference and content, or answers the reservation already under it.</summary>
    Task<ReportReservation> ReserveAsync(string reportId, ReportReservation wanted, CancellationToken cancellationToken);

    /// <summary>Stores the report, its reference lookup and its reporter (when given) unless they are there already: a repeat heals a crash in between.</summary>
    Task SaveAsync(StoredReport report, ReporterRecord? reporter, CancellationToken cancellationToken);

    Task<StoredReport?> FindAsync(string reference, CancellationToken cancellationToken);

    /// <summary>The reports <paramref name="inspection"/> holds open, oldest first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<StoredReport>> QueueAsync(Inspection inspection, int max, CancellationToken cancellationToken);

    Task<ReporterRecord?> ReporterAsync(string caseId, CancellationToken cancellationToken);

    /// <summary>Records the action unless its id is taken; answers the record under the id (this one when new).</summary>
    Task<(ReportActionRecord Record, bool New)> RecordActionAsync(string caseId, ReportActionRecord action, CancellationToken cancellationToken);

    Task<IReadOnlyList<ReportActionRecord>> ActionsAsync(string caseId, CancellationToken cancellationToken);
}
