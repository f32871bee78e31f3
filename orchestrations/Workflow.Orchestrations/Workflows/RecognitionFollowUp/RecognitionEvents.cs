namespace Workflow.Orchestrations.Workflows.RecognitionFollowUp;

/// <summary>The follow-up's external event, its command kinds and the codes of its rows in the application's timeline (staff only).</summary>
public static class RecognitionEvents
{
    /// <summary>The one external event: a <see cref="RecognitionOutcome"/>.</summary>
    public const string OutcomeRecorded = "recognition-outcome";

    /// <summary>Command kind: NARIC's outcome (recognised, refused, term extended).</summary>
    public const string NaricOutcomeCommand = "naric-outcome";

    /// <summary>Command kind: the care visa's outcome (granted, refused).</summary>
    public const string CareVisaOutcomeCommand = "care-visa-outcome";

    public const string Started = "recognition-follow-up-started";
    public const string Recognised = "naric-recognised";
    public const string RecognitionRefused = "naric-refused";
    public const string TermExtended = "naric-term-extended";
    public const string CareVisaGranted = "care-visa-granted";
    public const string CareVisaRefused = "care-visa-refused";

    /// <summary>An outcome the follow-up could not take (it had moved on since the API admitted it).</summary>
    public const string OutcomeRejected = "recognition-outcome-rejected";

    /// <summary>The command kind an outcome is recorded under.</summary>
    public static string CommandKindOf(RecognitionOutcomeKind kind) =>
        kind is RecognitionOutcomeKind.CareVisaGranted or RecognitionOutcomeKind.CareVisaRefused ? CareVisaOutcomeCommand : NaricOutcomeCommand;

    /// <summary>The timeline code of an accepted outcome.</summary>
    public static string Of(RecognitionOutcomeKind kind) => kind switch
    {
        RecognitionOutcomeKind.Recognised => Recognised,
        RecognitionOutcomeKind.RecognitionRefused => RecognitionRefused,
        RecognitionOutcomeKind.TermExtended => TermExtended,
        RecognitionOutcomeKind.CareVisaGranted => CareVisaGranted,
        _ => CareVisaRefused,
    };
}
