using System.Text.Json.Serialization;
using Workflow.Application.Access;
using Workflow.Orchestrations.Contracts;

namespace Workflow.Application.Withdrawals;

/// <summary>
/// A command on a withdrawal as its record keeps it: the kind (<c>hearing-response</c> or <c>decision</c>, one of each
/// per withdrawal) and the client's id, who sent it and when, its content (the employer's statement; the verdict, the
/// ground and the reason), whether its event was raised, and the fate the workflow gave it (null until then).
/// </summary>
public sealed record WithdrawalCommand(
    string Kind,
    string CommandId,
    Actor By,
    DateTimeOffset At,
    [property: JsonIgnore] string Fingerprint,
    string? Statement = null,
    string? Verdict = null,
    string? Ground = null,
    string? Reason = null,
    bool Raised = false,
    CommandFate? Fate = null,
    string? FateReason = null,
    DateTimeOffset? SettledAt = null)
{
    [JsonIgnore]
    public string MessageId => Orchestrations.Withdrawals.WithdrawalModel.MessageId(this.Kind, this.CommandId);

    /// <summary>The fate as the caller reads it: the workflow's, else pending once raised, else recorded.</summary>
    [JsonIgnore]
    public CommandFate CurrentFate => this.Fate ?? (this.Raised ? CommandFate.Pending : CommandFate.Recorded);
}
