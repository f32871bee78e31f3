using System.Globalization;
using System.Text.Json.Serialization;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Policy;

namespace Workflow.Orchestrations.Cases;

/// <summary>
/// One application's milestones as the managers' dashboard counts them (the KPI projection, <see cref="Ports.ICaseFacts"/>):
/// codes and policy times only, no personal data. Derived from the case at each of its changes, so it is as current as
/// the case index; the dashboard computes its figures from these rows, never from the workflow's history.
/// </summary>
public sealed record CaseFacts
{
    public required string ApplicationId { get; init; }

    public required PermitCategory Category { get; init; }

    /// <summary>Real time of the submission; the case's policy clock starts there.</summary>
    public required DateTimeOffset SubmittedAt { get; init; }

    public required TimeSpan PolicyDayLength { get; init; }

    public required Stage Stage { get; init; }

    /// <summary>The case's revision: with <see cref="RecordedAt"/>, a row is only replaced by a later one (<see cref="RecordOrder"/>).</summary>
    public required int Revision { get; init; }

    /// <summary>Real time of the workflow episode that recorded the revision (<see cref="PermitCase.RecordedAt"/>).</summary>
    public DateTimeOffset? RecordedAt { get; init; }

    [JsonIgnore]
    public RecordOrder Order => new(this.RecordedAt, this.Revision);

    /// <summary>The SLA clock as the case last recorded it: its track, due days, peak period and pauses (stop-the-clock).</summary>
    public required SlaSnapshot Sla { get; init; }

    /// <summary>When the file was complete (admissible); policy time.</summary>
    public DateTimeOffset? CompleteAt { get; init; }

    public FederalLegStatus FederalStatus { get; init; }

    public DateTimeOffset? FederalHandedOffAt { get; init; }

    public DateTimeOffset? FederalAnsweredAt { get; init; }

    public Outcome? Outcome { get; init; }

    /// <summary>The refusal grounds (codes) of a refusal.</summary>
    public IReadOnlyList<string> Grounds { get; init; } = [];

    public DateTimeOffset? DecidedAt { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>Not closed yet: the dashboard's "now" reads these rows only.</summary>
    [JsonIgnore]
    public bool IsOpen => this.Stage != Stage.Closed;

    /// <summary>The month the application was submitted (its policy clock starts at the submission).</summary>
    [JsonIgnore]
    public string SubmittedMonth => MonthOf(this.SubmittedAt);

    /// <summary>The month of the decision (policy time), once there is an outcome.</summary>
    [JsonIgnore]
    public string? DecidedMonth => this.Outcome is not null && (this.DecidedAt ?? this.ClosedAt) is DateTimeOffset decided ? MonthOf(decided) : null;

    /// <summary>The month (yyyy-MM, Brussels calendar) of a policy time: the dashboard's figures are per month.</summary>
    public static string MonthOf(DateTimeOffset policyTime) =>
        PolicyCatalog.BelgianDate(policyTime).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>The facts of a case as it stands.</summary>
    public static CaseFacts Of(PermitCase state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new CaseFacts
        {
            ApplicationId = state.ApplicationId,
            Category = state.Category,
            SubmittedAt = state.SubmittedAt,
            PolicyDayLength = state.PolicyDayLength,
            Stage = state.Stage,
            Revision = state.Revision,
            RecordedAt = state.RecordedAt,
            Sla = state.Sla,
            CompleteAt = state.CompleteAt,
            FederalStatus = state.Federal.Status,
            FederalHandedOffAt = state.Federal.HandedOffAt,
            FederalAnsweredAt = state.Federal.AnsweredAt,
            Outcome = state.Outcome,
            Grounds = state.Grounds,
            DecidedAt = state.DecidedAt,
            ClosedAt = state.ClosedAt,
        };
    }
}
