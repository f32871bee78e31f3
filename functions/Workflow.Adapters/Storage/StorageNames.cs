using System.Globalization;
using Microsoft.Extensions.Options;

namespace Workflow.Adapters;

/// <summary>
/// The names of every storage resource, computed from the prefix so a test run can have its own: tables are
/// prefix + PascalName ("t1a2b3Submissions"), containers and queues prefix + "-" + name in lowercase
/// ("t1a2b3-federal-handoff"), or the bare names when there is no prefix.
/// </summary>
public sealed class StorageNames
{
    /// <summary>The longest prefix that keeps every name within the 63 characters tables, containers and queues allow.</summary>
    public const int MaxPrefixLength = 32;

    public StorageNames(IOptions<StorageSettings> settings)
        : this((settings ?? throw new ArgumentNullException(nameof(settings))).Value.NamePrefix)
    {
    }

    public StorageNames(string? prefix)
    {
        prefix ??= "";
        if (prefix.Length > MaxPrefixLength || (prefix.Length > 0 && (!char.IsAsciiLetter(prefix[0]) || !prefix.All(char.IsAsciiLetterOrDigit))))
        {
            throw new ArgumentException(
                $"The storage name prefix must be at most {MaxPrefixLength} ASCII letters and digits, starting with a letter.", nameof(prefix));
        }

        this.Prefix = prefix;
        string lower = prefix.ToLowerInvariant();
        string Table(string name) => prefix + name;
        string Lower(string name) => lower.Length == 0 ? name : string.Create(CultureInfo.InvariantCulture, $"{lower}-{name}");

        this.DossiersContainer = Lower("dossiers");

        this.SubmissionsTable = Table("Submissions");
        this.ApplicantApplicationsTable = Table("ApplicantApplications");
        this.CaseIndexTable = Table("CaseIndex");
        this.AuditLogTable = Table("AuditLog");
        this.OutboxTable = Table("Outbox");
        this.PaymentsTable = Table("Payments");
        this.PeakPeriodsTable = Table("PeakPeriods");
        this.NotificationsTable = Table("Notifications");
        this.DeliveredAlertsTable = Table("DeliveredAlerts");
        this.FederalOfficeTable = Table("FederalOffice");
        this.ExclusionsTable = Table("Exclusions");
        this.ThirdPartyRequestsTable = Table("ThirdPartyRequests");
        this.CommandsTable = Table("Commands");
        this.WorklistTable = Table("Worklist");
        this.CaseworkersTable = Table("Caseworkers");
        this.CaseFactsTable = Table("CaseFacts");
        this.AuthorisationsTable = Table("Authorisations");
        this.WorkerApplicationsTable = Table("WorkerApplications");
        this.SimulatedPaymentProviderTable = Table("SimulatedPsp");
        this.SimulatedEBoxTable = Table("SimulatedEBox");
        this.MisuseReportsTable = Table("MisuseReports");
        this.MisuseReportersTable = Table("MisuseReporters");
        this.WithdrawalsTable = Table("Withdrawals");
        this.RecognitionFollowUpsTable = Table("RecognitionFollowUps");

        this.FederalHandoffQueue = Lower("federal-handoff");
        this.FederalDecisionsQueue = Lower("federal-decisions");
        this.FederalDecisionsPoisonQueue = Lower("federal-decisions-poison");
        this.SlaAlertsQueue = Lower("sla-alerts");
        this.FederalOfficeScheduleQueue = Lower("federal-office-schedule");
    }

    public string Prefix { get; }

    /// <summary>Blob container of the dossiers: application, documents, records, letters.</summary>
    public string DossiersContainer { get; }

    public string SubmissionsTable { get; }

    /// <summary>The applicant's index of its applications, newest first (kept by the submission ledger).</summary>
    public string ApplicantApplicationsTable { get; }

    public string CaseIndexTable { get; }

    public string AuditLogTable { get; }

    /// <summary>The alert outbox: the record of truth for SLA alerts.</summary>
    public string OutboxTable { get; }

    public string PaymentsTable { get; }

    public string PeakPeriodsTable { get; }

    public string NotificationsTable { get; }

    /// <summary>Alerts as the <c>sla-alerts</c> consumer received them (the managers' inbox).</summary>
    public string DeliveredAlertsTable { get; }

    /// <summary>Reserved for the simulated federal office's own state.</summary>
    public string FederalOfficeTable { get; }

    /// <summary>Flemish side → federal office: handoffs and cancellations.</summary>
    /// <summary>Excluded employers and directors (§2.1).</summary>
    public string ExclusionsTable { get; }

    /// <summary>Requests sent to third parties: authentications (art. 63 BVR), screening advice (§2.7).</summary>
    public string ThirdPartyRequestsTable { get; }

    /// <summary>Every command received, keyed (application, kind, id), with its sender and fate.</summary>
    public string CommandsTable { get; }

    /// <summary>The worklist index: the cases awaiting their caseworker, in due-date order.</summary>
    public string WorklistTable { get; }

    /// <summary>Everyone who claimed or was assigned an application: subject and display name.</summary>
    public string CaseworkersTable { get; }

    /// <summary>The managers' dashboard's KPI projection: one row of milestones per application.</summary>
    public string CaseFactsTable { get; }

    /// <summary>A worker's applications, by the fingerprint of their person number.</summary>
    public string WorkerApplicationsTable { get; }

    /// <summary>The authorisations register: every work authorisation granted, by application, employer and director.</summary>
    public string AuthorisationsTable { get; }

    /// <summary>The simulated payment service provider's own checkouts (local host only).</summary>
    public string SimulatedPaymentProviderTable { get; }

    /// <summary>The simulated e-Box's deliveries (development and demo hosts only).</summary>
    public string SimulatedEBoxTable { get; }

    /// <summary>Misuse reports (§2.8): reports, inspectors' actions, the inspections' queues.</summary>
    public string MisuseReportsTable { get; }

    /// <summary>Who reported misuse: read only by the inspectors' view, never by an application's.</summary>
    public string MisuseReportersTable { get; }

    /// <summary>Withdrawals of granted authorisations (§2.1): findings, the withdrawals' state, their commands.</summary>
    public string WithdrawalsTable { get; }
    /// <summary>The follow-ups of grants to nurses awaiting recognition (§2.6): start requests, records, the open index, notes.</summary>
    public string RecognitionFollowUpsTable { get; }

    public string FederalHandoffQueue { get; }

    /// <summary>Federal office → Flemish side: acknowledgements, information requests, decisions.</summary>
    public string FederalDecisionsQueue { get; }

    /// <summary>Federal messages that could not be handled, each in an envelope with its reason.</summary>
    public string FederalDecisionsPoisonQueue { get; }

    public string SlaAlertsQueue { get; }

    /// <summary>The simulated federal office's planned answers, held out of sight until due.</summary>
    public string FederalOfficeScheduleQueue { get; }

    public IReadOnlyList<string> Tables =>
    [
        this.SubmissionsTable, this.CaseIndexTable, this.AuditLogTable, this.OutboxTable, this.PaymentsTable,
        this.PeakPeriodsTable, this.NotificationsTable, this.DeliveredAlertsTable, this.FederalOfficeTable,
        this.ExclusionsTable, this.ThirdPartyRequestsTable, this.CommandsTable, this.WorklistTable, this.SimulatedPaymentProviderTable,
        this.CaseworkersTable,
        this.ApplicantApplicationsTable,
        this.CaseFactsTable,
        this.MisuseReportsTable, this.MisuseReportersTable,
        this.AuthorisationsTable,
        this.WorkerApplicationsTable,
        this.SimulatedEBoxTable,
        this.WithdrawalsTable,
        this.RecognitionFollowUpsTable,
    ];

    public IReadOnlyList<string> Containers => [this.DossiersContainer];

    public IReadOnlyList<string> Queues =>
    [
        this.FederalHandoffQueue, this.FederalDecisionsQueue, this.FederalDecisionsPoisonQueue, this.SlaAlertsQueue,
        this.FederalOfficeScheduleQueue,
    ];
}
