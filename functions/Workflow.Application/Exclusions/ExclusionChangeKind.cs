namespace Workflow.Application.Exclusions;

/// <summary>What a change to a confirmed exclusion does.</summary>
public enum ExclusionChangeKind
{
    /// <summary>Ends the exclusion (an appeal, a withdrawn sanction): no application is barred by it after the lift is confirmed.</summary>
    Lift,

    /// <summary>Restates the terms (dates, reason, decision reference), e.g. a mistyped until-date.</summary>
    Correction,
}
