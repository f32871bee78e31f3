using System.Text.Json.Serialization;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Policy;

namespace Workflow.Orchestrations.Workflows.RecognitionFollowUp;

/// <summary>
/// One follow-up as a value: ids, codes and policy times only (the reasons of outcomes stay with their commands).
/// Policy time coincides with real time at <see cref="StartedAt"/>, the grant. <see cref="RecordedAt"/> and
/// <see cref="Revision"/> order the writes of the record (<see cref="Cases.RecordOrder"/>), so an older one never
/// overwrites a newer one, nor the record of an episode a crash lost the one of the episode that replaced it.
/// </summary>
public sealed record RecognitionFollowUpCase
{
    public required string ApplicationId { get; init; }

    public required PermitCategory Category { get; init; }

    /// <summary>The grant, real time: the follow-up's policy epoch and the start of the recognition term.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    public required TimeSpan PolicyDayLength { get; init; }

    public required RecognitionTerms Terms { get; init; }

    public RecognitionStage Stage { get; init; } = RecognitionStage.AwaitingRecognition;

    /// <summary>When the current stage began (policy time).</summary>
    public DateTimeOffset StageSince { get; init; }

    /// <summary>The recognition term was extended to its second length.</summary>
    public bool TermExtended { get; init; }

    public DateTimeOffset? RecognisedAt { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>The alerts fired, each once.</summary>
    public IReadOnlyList<MilestoneKind> FiredAlerts { get; init; } = [];

    /// <summary>The message ids handled, so a redelivered outcome is not acted on twice (a handful: each stage takes few).</summary>
    public IReadOnlyList<string> HandledMessages { get; init; } = [];

    public int Revision { get; init; }

    /// <summary>Real time of the episode that recorded this revision: stamped by the workflow on what it records (null in its own state).</summary>
    public DateTimeOffset? RecordedAt { get; init; }

    [JsonIgnore]
    public Cases.RecordOrder Order => new(this.RecordedAt, this.Revision);

    [JsonIgnore]
    public bool IsClosed => this.Stage is RecognitionStage.Done or RecognitionStage.RecognitionRefused or RecognitionStage.CareVisaRefused;

    /// <summary>The current stage's due date (policy time), none once closed.</summary>
    [JsonIgnore]
    public DateTimeOffset? DueAt => this.Stage switch
    {
        RecognitionStage.AwaitingRecognition => this.StartedAt.AddDays(this.TermExtended ? this.Terms.ExtendedRecognitionDays : this.Terms.RecognitionDays),
        RecognitionStage.AwaitingCareVisa => this.StageSince.AddDays(this.Terms.CareVisaDays),
        _ => null,
    };

    /// <summary>The length of the term the current due date comes from, in policy days.</summary>
    [JsonIgnore]
    public int? TermDays => this.Stage switch
    {
        RecognitionStage.AwaitingRecognition => this.TermExtended ? this.Terms.ExtendedRecognitionDays : this.Terms.RecognitionDays,
        RecognitionStage.AwaitingCareVisa => this.Terms.CareVisaDays,
        _ => null,
    };

    public PolicyClock Clock() => new(this.StartedAt, this.PolicyDayLength);

    /// <summary>Past its due date at <paramref name="policyNow"/> and still open.</summary>
    public bool IsOverdue(DateTimeOffset policyNow) => this.DueAt is DateTimeOffset due && policyNow > due;
}
