using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Policy;
using Workflow.Orchestrations.Sla;

namespace Workflow.Orchestrations.Contracts;

/// <summary>
/// One application as the case index keeps it (docs/design.md#case-index-worklist-and-audit-log): written by the
/// workflow at every stage change, read by the worklist, the status endpoint and dashboards, which never read the task
/// hub. Policy times unless named "Real".
/// </summary>
public sealed record CaseSnapshot(
    string ApplicationId,
    PermitCategory Category,
    Stage Stage,
    DateTimeOffset SubmittedAt,
    TimeSpan PolicyDayLength,
    SlaSnapshot Sla,
    FederalLegSnapshot Federal,
    IReadOnlyList<string> AwaitingItems,
    DateTimeOffset? ApplicantDeadline,
    string? OpenInformationRequestId,
    DateTimeOffset? CompleteAt,
    DateTimeOffset? OverallDeadline,
    Outcome? Outcome,
    IReadOnlyList<string> Grounds,
    DateTimeOffset? ClosedAt,
    int Revision,
    IReadOnlyList<ThirdPartySnapshot>? ThirdParties = null)
{
    /// <summary>Third-party requests still awaiting their answer.</summary>
    public IEnumerable<ThirdPartySnapshot> OpenThirdParties => (this.ThirdParties ?? []).Where(t => t.Answer is null && !t.Expired);

    public PolicyClock Clock() => new(this.SubmittedAt, this.PolicyDayLength);
}

/// <summary>The SLA clock as recorded; <see cref="SlaClock.Restore"/> turns it back into a clock to evaluate.</summary>
public sealed record SlaSnapshot(
    SlaTerms Terms,
    DateTimeOffset Start,
    IReadOnlyList<SlaPause> Pauses,
    DateTimeOffset? StoppedAt)
{
    public static SlaSnapshot Of(SlaClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return new(clock.Terms, clock.Start, [.. clock.Pauses], clock.StoppedAt);
    }

    public SlaClock Restore() => SlaClock.Restore(this.Terms, this.Start, this.Pauses, this.StoppedAt);
}

/// <summary>The federal leg as recorded.</summary>
public sealed record FederalLegSnapshot(
    FederalLegStatus Status,
    string? HandoffId,
    DateTimeOffset? HandedOffAt,
    DateTimeOffset? AnsweredAt,
    IReadOnlyList<string> ReasonCodes);

/// <summary>A third-party request of the assessment and what became of it (policy times).</summary>
public sealed record ThirdPartySnapshot(
    string RequestId,
    Ports.ThirdPartyKind Kind,
    Ports.ThirdPartyAuthority Authority,
    string? DocumentType,
    DateTimeOffset RequestedAt,
    DateTimeOffset Deadline,
    Ports.ThirdPartyAnswer? Answer,
    DateTimeOffset? AnsweredAt,
    bool Expired,
    string? AnswerId = null);
