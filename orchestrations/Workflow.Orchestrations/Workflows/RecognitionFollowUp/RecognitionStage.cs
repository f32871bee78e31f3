namespace Workflow.Orchestrations.Workflows.RecognitionFollowUp;

/// <summary>Where the follow-up of a grant to a nurse awaiting recognition stands (§2.6; the follow-up is an addition to the note).</summary>
public enum RecognitionStage
{
    /// <summary>NARIC's recognition of the foreign diploma is awaited, within the recognition term (60 days, extendable to 120).</summary>
    AwaitingRecognition,

    /// <summary>Recognised: the care visa (visum) of the federal health service (FOD Volksgezondheid) is awaited.</summary>
    AwaitingCareVisa,

    /// <summary>Recognised and visa granted: the worker may work as a nurse.</summary>
    Done,

    /// <summary>NARIC refused the recognition. Recorded; what follows for the authorisation is for the caseworker.</summary>
    RecognitionRefused,

    /// <summary>The federal health service refused the care visa. Recorded; what follows is for the caseworker.</summary>
    CareVisaRefused,
}
