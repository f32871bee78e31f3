namespace Workflow.Orchestrations.Workflows.RecognitionFollowUp;

/// <summary>An outcome a caseworker or manager records on a follow-up: NARIC's (recognised, refused, term extended) or the care visa's (granted, refused).</summary>
public enum RecognitionOutcomeKind
{
    Recognised,
    RecognitionRefused,

    /// <summary>The recognition term extended from its first to its second length (a complex file), with a reason kept apart.</summary>
    TermExtended,

    CareVisaGranted,
    CareVisaRefused,
}
