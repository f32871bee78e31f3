namespace Workflow.Orchestrations.Contracts;

/// <summary>
/// What became of a command (docs/design.md#commands-and-their-fate: every 2xx has a known fate): the caller reads it on the command's record, the
/// caseworker in the timeline.
/// </summary>
public enum CommandFate
{
    /// <summary>Recorded, its event not yet raised (a request cut off between the two); a retry raises it.</summary>
    Recorded,

    /// <summary>Raised on the workflow (or, for a payment, handed to the provider) and not yet handled.</summary>
    Pending,

    /// <summary>Recorded but held: an information request beyond the limit waits for a manager's consent.</summary>
    AwaitingConsent,

    /// <summary>The workflow acted on it.</summary>
    Accepted,

    /// <summary>The workflow (or a manager, or the provider) did not act on it; the reason says why.</summary>
    Rejected,
}

/// <summary>The workflow's verdict on one command, written onto its record with the transition that handled it.</summary>
public sealed record CommandSettlement(string MessageId, CommandFate Fate, string? Reason = null);
