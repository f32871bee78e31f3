namespace Workflow.Application.Exclusions;

/// <summary>What a command on the exclusion registry comes to.</summary>
public enum RegistryVerdict
{
    /// <summary>A new entry to record.</summary>
    Record,

    /// <summary>The same request again: the entry recorded the first time is the answer.</summary>
    Repeat,

    /// <summary>Refused by the registry's rules (four eyes, state, an id taken by other content), with the reason.</summary>
    Refused,

    /// <summary>The exclusion or change it names does not exist.</summary>
    Unknown,
}
