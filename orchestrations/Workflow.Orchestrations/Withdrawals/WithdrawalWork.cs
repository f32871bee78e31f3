namespace Workflow.Orchestrations.Withdrawals;

/// <summary>Work the withdrawal model asks for and whose result it needs; each is one activity.</summary>
public enum WithdrawalWork
{
    /// <summary>Write the hearing invitation into the grant's dossier. Result: <see cref="LetterWritten"/>.</summary>
    IssueHearingInvitation,

    /// <summary>Write the withdrawal decision into the grant's dossier. Result: <see cref="LetterWritten"/>.</summary>
    IssueDecisionLetter,

    /// <summary>Propose the exclusions of the employer and its current directors. Result: <see cref="ExclusionsProposed"/>.</summary>
    ProposeExclusions,
}
