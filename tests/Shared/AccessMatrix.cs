namespace Workflow.Tests.Shared;

/// <summary>
/// One row of the access matrix: an endpoint (by its name, the same for the local endpoint and the HTTP function),
/// its method and route, and the roles it admits. Role values are written out, not taken from the code, so the
/// matrix is a specification the code is checked against.
/// </summary>
/// <param name="Allowed">The roles admitted; every other role gets 403, no identity 401.</param>
/// <param name="Anonymous">Open without a token (public information, or authenticated otherwise: the signed webhook).</param>
/// <param name="OwnOnly">An employer reaches only its own applications here; another's answers 404.</param>
internal sealed record AccessRow(string Name, string Method, string Route, string[] Allowed, bool Anonymous = false, bool OwnOnly = false)
{
    public override string ToString() => $"{this.Method} {this.Route}";
}

/// <summary>The access matrix of issue 5 (item 4), tested on the local host over HTTP and on the HTTP functions.</summary>
internal static class AccessMatrix
{
    public const string Employer = "employer";
    public const string Caseworker = "caseworker";
    public const string Manager = "manager";
    public const string FederalOffice = "federal-office";
    public const string Inspector = "inspector";
    public const string Worker = "worker";
    public const string Public = "public";

    public static readonly string[] Roles = [Employer, Caseworker, Manager, FederalOffice, Inspector, Worker, Public];

    /// <summary>Every endpoint of the permit API, in both hosts.</summary>
    public static readonly AccessRow[] Api =
    [
        new("SubmitApplication", "POST", "/api/applications", [Employer]),
        new("GetOwnApplications", "GET", "/api/applications", [Employer]), // staff: 403 (they have the worklist)
        new("GetApplication", "GET", "/api/applications/{id}", [Employer, Caseworker, Manager, Inspector], OwnOnly: true),
        new("GetDecisionLetter", "GET", "/api/applications/{id}/letter", [Employer, Caseworker, Manager, Inspector], OwnOnly: true),
        new("GetOverview", "GET", "/api/applications/{id}/overview", [Caseworker, Manager, Inspector]),
        new("SupplyDocuments", "POST", "/api/applications/{id}/documents", [Employer], OwnOnly: true),
        new("ListDocuments", "GET", "/api/applications/{id}/documents", [Employer, Caseworker, Manager, Inspector], OwnOnly: true),
        new("GetDocument", "GET", "/api/applications/{id}/documents/{type}/{sha256}", [Employer, Caseworker, Manager, Inspector], OwnOnly: true),
        new("PayFee", "POST", "/api/applications/{id}/payments", [Employer], OwnOnly: true),
        new("RequestInformation", "POST", "/api/applications/{id}/information-requests", [Caseworker]),
        new("Decide", "POST", "/api/applications/{id}/decision", [Caseworker]),
        new("WithdrawApplication", "POST", "/api/applications/{id}/withdrawal", [Employer], OwnOnly: true),
        new("CorrectApplication", "POST", "/api/applications/{id}/corrections", [Employer], OwnOnly: true),
        new("ConsentToInformationRequest", "POST", "/api/applications/{id}/information-requests/{requestId}/consent", [Manager]),
        new("GetCommands", "GET", "/api/applications/{id}/commands", [Caseworker, Manager, Inspector]),
        new("GetCommand", "GET", "/api/applications/{id}/commands/{kind}/{commandId}", [Employer, Caseworker, Manager, Inspector], OwnOnly: true),
        new("RequestThirdParty", "POST", "/api/applications/{id}/third-party-requests", [Caseworker]),
        new("AnswerThirdParty", "POST", "/api/applications/{id}/third-party-requests/{requestId}/answer", [Caseworker]),
        new("GetWorklist", "GET", "/api/worklist", [Caseworker, Manager]),
        new("ClaimApplication", "POST", "/api/applications/{id}/assignment/claim", [Caseworker, Manager]),
        new("ReleaseApplication", "POST", "/api/applications/{id}/assignment/release", [Caseworker, Manager]),
        new("AssignApplication", "PUT", "/api/applications/{id}/assignment", [Manager]),
        new("GetAssignment", "GET", "/api/applications/{id}/assignment", [Caseworker, Manager]),
        new("GetCaseworkers", "GET", "/api/caseworkers", [Manager]),
        new("GetMe", "GET", "/api/me", [Employer, Caseworker, Manager, FederalOffice, Inspector, Worker]),
        new("GetDecisionGrounds", "GET", "/api/decision-grounds", Roles, Anonymous: true),
        new("GetPeakPeriods", "GET", "/api/sla/peak-periods", [Caseworker, Manager]),
        new("ReplacePeakPeriods", "PUT", "/api/sla/peak-periods", [Manager]),
        new("GetAlerts", "GET", "/api/alerts", [Manager]),
        new("GetDashboardNow", "GET", "/api/dashboard/now", [Manager]), // caseworkers: 403; they read their own work (mine)
        new("GetDashboardMine", "GET", "/api/dashboard/mine", [Caseworker, Manager]),
        new("GetWorkerApplications", "GET", "/api/worker/applications", [Worker]),
        new("GetWorkerApplication", "GET", "/api/worker/applications/{id}", [Worker]),
        new("GetWorkerLetter", "GET", "/api/worker/applications/{id}/letter", [Worker]),
        new("ExportWorkerData", "GET", "/api/worker/export", [Worker]),
        new("GetDashboardKpis", "GET", "/api/dashboard/kpis", [Manager]),
        new("GetExclusions", "GET", "/api/exclusions", [Caseworker, Manager, Inspector]),
        new("GetExclusion", "GET", "/api/exclusions/{exclusionId}", [Caseworker, Manager, Inspector]),
        new("ProposeExclusion", "POST", "/api/exclusions", [Manager, Inspector]),
        new("ConfirmExclusion", "POST", "/api/exclusions/{exclusionId}/confirm", [Manager, Inspector]),
        new("LiftExclusion", "POST", "/api/exclusions/{exclusionId}/lift", [Manager, Inspector]),
        new("CorrectExclusion", "POST", "/api/exclusions/{exclusionId}/corrections", [Manager, Inspector]),
        new("ConfirmExclusionChange", "POST", "/api/exclusions/{exclusionId}/changes/{changeId}/confirm", [Manager, Inspector]),
        new("GetInspectionGrants", "GET", "/api/inspections/grants", [Inspector, Manager]),
        new("GetInspectionApplications", "GET", "/api/inspections/applications", [Inspector, Manager]),
        new("FileFinding", "POST", "/api/inspections/findings", [Inspector]),
        new("GetWithdrawal", "GET", "/api/withdrawals/{withdrawalId}", [Employer, Caseworker, Manager, Inspector], OwnOnly: true),
        new("GetWithdrawalLetter", "GET", "/api/withdrawals/{withdrawalId}/letters/{letter}", [Employer, Caseworker, Manager, Inspector], OwnOnly: true),
        new("RespondToHearing", "POST", "/api/withdrawals/{withdrawalId}/hearing-response", [Employer], OwnOnly: true),
        new("DecideWithdrawal", "POST", "/api/withdrawals/{withdrawalId}/decision", [Caseworker]),
        new("GetRecognitionFollowUp", "GET", "/api/applications/{id}/recognition", [Employer, Caseworker, Manager, Inspector], OwnOnly: true),
        new("RecordNaricOutcome", "POST", "/api/applications/{id}/recognition/naric-outcome", [Caseworker, Manager]),
        new("RecordCareVisaOutcome", "POST", "/api/applications/{id}/recognition/care-visa-outcome", [Caseworker, Manager]),
        new("GetRecognitionFollowUps", "GET", "/api/recognition-follow-ups", [Caseworker, Manager]),
        new("ReceiveFederalMessage", "POST", "/api/federal/decisions", Roles, Anonymous: true),
        new("ReceivePaymentEvent", "POST", "/api/payments/provider-events", Roles, Anonymous: true),
        new("SubmitMisuseReport", "POST", "/api/reports", Roles, Anonymous: true),
        new("GetMisuseReportStatus", "GET", "/api/reports/{reference}", Roles, Anonymous: true),
        new("ForwardMisuseReport", "POST", "/api/inspections/reports/{reference}/forward", [Inspector]),
        new("CloseMisuseReport", "POST", "/api/inspections/reports/{reference}/close", [Inspector]),
        new("GetInspectionReports", "GET", "/api/inspections/reports", [Inspector]),
        new("RestartInstance", "POST", "/api/operations/instances/{id}/restart", [Manager]),
    ];

    /// <summary>The local host's extras, open to all.</summary>
    /// <summary>The pages (both hosts; in Azure one catch-all function): public files, their data comes from the API.</summary>
    public static readonly AccessRow[] Pages =
    [
        new("page-home", "GET", "/", Roles, Anonymous: true),
        new("page-ui", "GET", "/ui", Roles, Anonymous: true),
        new("page-ui-files", "GET", "/ui/{**path}", Roles, Anonymous: true),
        new("page-workbench", "GET", "/workbench", Roles, Anonymous: true),
        new("page-workbench-files", "GET", "/workbench/{**path}", Roles, Anonymous: true),
        new("page-portal", "GET", "/portal", Roles, Anonymous: true),
        new("page-portal-files", "GET", "/portal/{**path}", Roles, Anonymous: true),
        new("page-dashboard", "GET", "/dashboard", Roles, Anonymous: true),
        new("page-dashboard-files", "GET", "/dashboard/{**path}", Roles, Anonymous: true),
    ];

    public static readonly AccessRow[] LocalOnly =
    [
        new("openapi", "GET", "/api/openapi.json", Roles, Anonymous: true),
        new("healthz", "GET", "/healthz", Roles, Anonymous: true),

        // The simulated payment provider's checkout pages (a provider's pages are public; local host only).
        new("simulated-psp-checkout", "GET", "/simulated-psp/checkout/{providerPaymentId}", Roles, Anonymous: true),
        new("simulated-psp-checkout-script", "GET", "/simulated-psp/checkout.js", Roles, Anonymous: true),
        new("simulated-psp-pay", "POST", "/simulated-psp/checkout/{providerPaymentId}/pay", Roles, Anonymous: true),
        new("simulated-psp-fail", "POST", "/simulated-psp/checkout/{providerPaymentId}/fail", Roles, Anonymous: true),
        new("simulated-psp-reverse", "POST", "/simulated-psp/payments/{providerPaymentId}/reverse", Roles, Anonymous: true),
    ];
}
