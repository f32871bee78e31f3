using Workflow.Orchestrations.Domain;

namespace Workflow.Orchestrations.Cases;

/// <summary>
/// The codes of the audit rows the workflow writes: the case's timeline. Who may read which is decided in one table
/// (TimelineAudiences, in the application layer); a test checks that every code here has its row there.
/// </summary>
public static class CaseEvents
{
    public const string Received = "received";
    public const string SourcesGathered = "sources-gathered";
    public const string ExcludedParty = "excluded-party";
    public const string FunctionExcluded = "function-excluded";
    public const string CorrectnessIssues = "correctness-issues";
    public const string ItemsMissing = "items-missing";
    public const string DocumentsSupplied = "documents-supplied";
    public const string FeePaid = "fee-paid";
    public const string FeeReversed = "fee-reversed";
    public const string FeeDueAgain = "fee-due-again";
    public const string CompletionDeadlinePassed = "completion-deadline-passed";
    public const string Admissible = "admissible";
    public const string FederalHandoffSent = "federal-handoff-sent";
    public const string AwaitingDecision = "awaiting-decision";
    public const string Reassessed = "reassessed";
    public const string InformationRequested = "information-requested";
    public const string InformationSupplied = "information-supplied";
    public const string InformationRequestExpired = "information-request-expired";
    public const string ThirdPartyRequested = "third-party-requested";
    public const string ThirdPartyAnswered = "third-party-answered";
    public const string ThirdPartyRequestExpired = "third-party-request-expired";
    public const string CaseworkerDecided = "caseworker-decided";
    public const string AwaitingFederalDecision = "awaiting-federal-decision";
    public const string FederalAcknowledged = "federal-acknowledged";
    public const string FederalInformationRequested = "federal-information-requested";
    public const string FederalDecided = "federal-decided";
    public const string FederalLegCancelled = "federal-leg-cancelled";
    public const string ApplicationCorrected = "application-corrected";
    public const string Withdrawn = "withdrawn";
    public const string FeeDeadlinePassed = "fee-deadline-passed";
    public const string Decided = "decided";
    public const string Closed = "closed";

    /// <summary>A message the workflow received twice (a redelivery); acted on once.</summary>
    public const string DuplicateIgnored = "duplicate-message-ignored";

    /// <summary>The suffix of a message the workflow did not act on: "{kind}-rejected", e.g. "decision-rejected".</summary>
    public const string RejectedSuffix = "-rejected";

    /// <summary>The prefix of a fired SLA or deadline milestone: "milestone-breached".</summary>
    public const string MilestonePrefix = "milestone-";

    public static string Rejected(string commandKind) => commandKind + RejectedSuffix;

    public static string Milestone(MilestoneKind kind) => MilestonePrefix + Codes.Of(kind);
}
