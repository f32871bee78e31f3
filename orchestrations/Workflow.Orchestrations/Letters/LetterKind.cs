namespace Workflow.Orchestrations.Letters;

/// <summary>What a letter is: it names the letter in the dossier (<see cref="LetterNames"/>) and in the e-Box.</summary>
public enum LetterKind
{
    /// <summary>The decision on an application: granted, refused or inadmissible citing grounds, or withdrawn by the applicant.</summary>
    Decision,

    /// <summary>The employer is invited to be heard before a granted authorisation is withdrawn (§2.1).</summary>
    HearingInvitation,

    /// <summary>The decision to withdraw a granted authorisation, citing its §2.1 grounds.</summary>
    WithdrawalDecision,
}
