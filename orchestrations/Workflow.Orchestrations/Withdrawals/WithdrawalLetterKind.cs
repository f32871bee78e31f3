namespace Workflow.Orchestrations.Withdrawals;

/// <summary>The letters of a withdrawal, each stored once in the grant's dossier.</summary>
public enum WithdrawalLetterKind
{
    /// <summary>The employer is invited to be heard before a decision, with the ground and the deadline.</summary>
    HearingInvitation,

    /// <summary>The authorisation is withdrawn, on the ground cited.</summary>
    WithdrawalDecision,
}
