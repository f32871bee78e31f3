namespace Workflow.Orchestrations.Rules;

/// <summary>How a rule came out. Rules inform the caseworker; only the caseworker's decision refuses.</summary>
public enum RuleOutcome
{
    Met,
    NotMet,

    /// <summary>The system cannot settle it: the caseworker judges (e.g. whether a local worker can be found in reasonable time, §2.3).</summary>
    NeedsJudgement,

    /// <summary>The rule does not apply to this application (another category, or not in force on the submission date).</summary>
    NotApplicable,

    /// <summary>
    /// The list the rule reads is known only in part for the submission date, and the application's entry is in neither
    /// the known part nor the known removals: the caseworker checks the published list. Not a judgement call: a gap in
    /// our data, said as such.
    /// </summary>
    ListIncomplete,
}

/// <summary>
/// The result of one rule, explained: which rule, which section of the concept note (or "addition"/"interpretation"),
/// the outcome, and why, in words a caseworker reads. Ids and figures only: no personal data.
/// </summary>
public sealed record RuleResult(string RuleId, string Section, RuleOutcome Outcome, string Explanation);
