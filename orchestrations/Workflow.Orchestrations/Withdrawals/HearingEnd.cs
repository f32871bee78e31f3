namespace Workflow.Orchestrations.Withdrawals;

/// <summary>How the employer's hearing ended.</summary>
public enum HearingEnd
{
    /// <summary>The employer answered before the deadline.</summary>
    Answered,

    /// <summary>The deadline passed without an answer.</summary>
    DeadlinePassed,
}
