using DurableTask.Core.Exceptions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Workflow.Application.Access;
using Workflow.Application.Commands;
using Workflow.Application.Ports;
using Workflow.Application.Validation;
using Workflow.Orchestrations.Reports;
using Workflow.Orchestrations.Workflows.MisuseReport;

namespace Workflow.Application.Reports;

/// <summary>
/// Misuse reports (concept note §2.8; the public endpoint is an addition to the note): received from anyone, stored in
/// the reports table (the reporter apart), triaged by one <see cref="MisuseReportOrchestrator"/> per report, followed by
/// the reporter with the reference, worked by the inspections. Nothing here writes to an application's timeline, case
/// index or any view an employer reads.
/// </summary>
public sealed partial class MisuseReportService(
    DurableTaskClient client, IMisuseReports reports, IApplicantIndex applicants, TimeProvider clock, ILogger<MisuseReportService> logger)
{
    /// <summary>The most reports one queue answers with (no paging yet).</summary>
    public const int MaxQueue = 200;

    /// <summary>
    /// The most forwards one report takes, so its workflow's history stays bounded: each close needs an inspection
    /// holding the report open, and only a forward opens one again.
    /// </summary>
    public const int MaxForwards = 10;

    static readonly ReportConfirmation Received = new(
        "Wij hebben uw melding ontvangen. Bewaar de referentie: daarmee volgt u de melding op. De inspectie behandelt ze vertrouwelijk.",
        "We have received your report. Keep the reference: it lets you follow the report. The inspection treats it in confidence.");

    static readonly OrchestrationRuntimeStatus[] AllStatuses = [.. StartOrchestrationOptionsExtensions.ValidDedupeStatuses];

    public static string StatusUrl(string reference) => $"/api/reports/{reference}";

    /// <param name="reporter">The signed-in person reporting, or null for an anonymous report.</param>
    public async Task<CommandResult> SubmitAsync(MisuseReportRequest request, Actor? reporter, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (ReportValidation.Check(request, errors) is not { } content)
        {
            return CommandResult.Invalid(errors);
        }

        string fingerprint = ReportValidation.Fingerprint(content);
        ReportReservation reservation = await reports.ReserveAsync(
            request.ReportId!, new ReportReservation(ReportReferences.NewReference(), ReportReferences.NewCaseId(), fingerprint, New: true), cancellationToken);
        if (reservation.Fingerprint != fingerprint)
        {
            return CommandResult.Conflict("This report id was already used with different content. Use a new report id for a new report.");
        }

        // Written again by a repeat (the rows only if absent, the workflow deduplicated), so a crash in between heals.
        StoredReport report = await reports.FindAsync(reservation.Reference, cancellationToken)
            ?? new StoredReport(reservation.CaseId, reservation.Reference, clock.GetUtcNow(), content.Signals, content.EmployerKbo, content.WorkerSituation, content.Description, []);
        await reports.SaveAsync(report, Reporter(content.Contact, reporter), cancellationToken);
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(
                nameof(MisuseReportOrchestrator),
                new MisuseReportInput(report.CaseId, content.Signals),
                new StartOrchestrationOptions(report.CaseId).WithDedupeStatuses(AllStatuses),
                cancellationToken);
            LogReceived(logger, report.CaseId, content.Signals.Count);
        }
        catch (OrchestrationAlreadyExistsException)
        {
            // A repeat: the workflow runs already.
        }

        var receipt = new ReportReceipt(reservation.Reference, StatusUrl(reservation.Reference), Repeated: !reservation.New, Received);
        return reservation.New ? CommandResult.Accepted(receipt) : new CommandResult(CommandStatus.AlreadyDone, Body: receipt);
    }

    /// <summary>The reporter's view: the state only. Null for an unknown reference.</summary>
    public async Task<ReportStatusView?> StatusAsync(string reference, CancellationToken cancellationToken)
    {
        StoredReport? report = ReportReferences.IsReference(reference) ? await reports.FindAsync(reference, cancellationToken) : null;
        return report is null ? null : new ReportStatusView(report.Reference, Progress(report.Placements), report.Placements.Any(p => p.State == PlacementState.Forwarded), report.ReceivedAt);
    }

    /// <summary>Where the report stands for its reporter, from its placements.</summary>
    public static ReportProgress Progress(IReadOnlyList<ReportPlacement> placements)
    {
        ArgumentNullException.ThrowIfNull(placements);
        if (placements.Count == 0)
        {
            return ReportProgress.Received;
        }

        bool social = ReportTriage.HoldsOpen(placements, Inspection.Social);
        bool housing = ReportTriage.HoldsOpen(placements, Inspection.Housing);
        return (social, housing) switch
        {
            (true, true) => ReportProgress.WithSocialAndHousingInspections,
            (true, false) => ReportProgress.WithSocialInspection,
            (false, true) => ReportProgress.WithHousingInspection,
            _ => ReportProgress.Closed,
        };
    }

    public async Task<InspectionWorklist> QueueAsync(Inspection inspection, CancellationToken cancellationToken)
    {
        IReadOnlyList<StoredReport> open = await reports.QueueAsync(inspection, MaxQueue, cancellationToken);
        var views = new List<InspectionReportView>(open.Count);
        foreach (StoredReport report in open)
        {
            views.Add(await this.InspectionViewAsync(report, cancellationToken));
        }

        return new InspectionWorklist(inspection, views);
    }

    public async Task<CommandResult> ForwardAsync(string reference, ForwardReportRequest request, Actor by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(by);
        var errors = new ValidationErrors();
        if (ReportValidation.Check(request, errors) is not { } forward)
        {
            return CommandResult.Invalid(errors);
        }

        var action = new ReportActionRecord(
            forward.ActionId, ReportActionKind.Forward, forward.From, ReportRouting.Other(forward.From), forward.Reason, null, null,
            by.Subject, by.Name, clock.GetUtcNow(), ReportValidation.Fingerprint(new { kind = "forward", forward.From, forward.Reason }));
        return await this.ActAsync(reference, action, cancellationToken);
    }

    public async Task<CommandResult> CloseAsync(string reference, CloseReportRequest request, Actor by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(by);
        var errors = new ValidationErrors();
        if (ReportValidation.Check(request, errors) is not { } close)
        {
            return CommandResult.Invalid(errors);
        }

        var action = new ReportActionRecord(
            close.ActionId, ReportActionKind.Close, close.Inspection, null, null, close.Outcome, close.Note,
            by.Subject, by.Name, clock.GetUtcNow(), ReportValidation.Fingerprint(new { kind = "close", close.Inspection, close.Outcome, close.Note }));
        return await this.ActAsync(reference, action, cancellationToken);
    }

    /// <summary>
    /// An inspector's action: refused (409) unless the inspection holds the report open; recorded with who and why under
    /// its id (a repeat answers 200, other content under the id 409), then raised on the report's workflow.
    /// </summary>
    async Task<CommandResult> ActAsync(string reference, ReportActionRecord action, CancellationToken cancellationToken)
    {
        StoredReport? report = ReportReferences.IsReference(reference) ? await reports.FindAsync(reference, cancellationToken) : null;
        if (report is null)
        {
            return new CommandResult(CommandStatus.NotFound, "There is no report with this reference.");
        }

        IReadOnlyList<ReportActionRecord> actions = await reports.ActionsAsync(report.CaseId, cancellationToken);
        ReportActionRecord? earlier = actions.FirstOrDefault(a => a.ActionId == action.ActionId);
        if (earlier is null && !ReportTriage.HoldsOpen(report.Placements, action.From))
        {
            return CommandResult.Conflict($"The {ReportValidation.Code(action.From)} inspection does not hold this report open (not routed to it yet, forwarded or closed).");
        }

        if (earlier is null && action.Kind == ReportActionKind.Forward && actions.Count(a => a.Kind == ReportActionKind.Forward) >= MaxForwards)
        {
            return CommandResult.Conflict($"This report was forwarded {MaxForwards} times, the most one report takes: close it.");
        }

        (ReportActionRecord recorded, bool isNew) = earlier is null ? await reports.RecordActionAsync(report.CaseId, action, cancellationToken) : (earlier, false);
        if (recorded.Fingerprint != action.Fingerprint)
        {
            return CommandResult.Conflict("This action id was already used with different content on this report. Use a new action id.");
        }

        var answer = new ReportActionAnswer(report.Reference, action.ActionId, action.Kind, Repeated: !isNew);
        if (!isNew && recorded.Applied is not null)
        {
            return new CommandResult(CommandStatus.AlreadyDone, Body: answer);
        }

        // New, or recorded but not yet applied (the first request may have stopped before raising it): raised now; the
        // workflow applies an action id once, so a second raise changes nothing.
        await client.RaiseEventAsync(report.CaseId, ReportEvents.Action, new ReportAction(action.ActionId, action.Kind, action.From), cancellationToken);
        return isNew ? CommandResult.Accepted(answer) : new CommandResult(CommandStatus.AlreadyDone, Body: answer);
    }

    async Task<InspectionReportView> InspectionViewAsync(StoredReport report, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> applications = [];
        if (report.EmployerKbo is not null)
        {
            ApplicantIndexPage page = await applicants.ListAsync(report.EmployerKbo, MaxQueue, null, cancellationToken);
            applications = [.. page.Entries.Select(i => i.ApplicationId)];
        }

        return new InspectionReportView(
            report.Reference, report.ReceivedAt, report.Signals, report.EmployerKbo, report.WorkerSituation, report.Description, report.Placements,
            applications, await reports.ReporterAsync(report.CaseId, cancellationToken), await reports.ActionsAsync(report.CaseId, cancellationToken));
    }

    static ReporterRecord? Reporter(ReporterContact? contact, Actor? reporter) =>
        contact is null && reporter is null
            ? null
            : new ReporterRecord(contact?.Name, contact?.Email, contact?.Phone, reporter?.Role, reporter?.Subject, reporter?.Name);

    [LoggerMessage(Level = LogLevel.Information, Message = "Misuse report {CaseId} received with {SignalCount} signals; triage scheduled")]
    static partial void LogReceived(ILogger logger, string caseId, int signalCount);
}
