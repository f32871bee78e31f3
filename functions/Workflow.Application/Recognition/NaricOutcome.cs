namespace Workflow.Application.Recognition;

/// <summary>What NARIC decided on the foreign diploma, or that its term was extended (to the second length, with a reason).</summary>
public enum NaricOutcome
{
    Recognised,
    Refused,
    TermExtended,
}
