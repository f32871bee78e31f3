namespace Workflow.Application.Exclusions;

/// <summary>Where an exclusion stands in the registry (whether its dates cover a given day is another question).</summary>
public enum ExclusionStatus
{
    /// <summary>Proposed by its author, waiting for a second person: not in force.</summary>
    Proposed,

    /// <summary>Confirmed by a second person: in force on the dates its terms cover.</summary>
    Confirmed,

    /// <summary>Lifted (the lift confirmed by a second person): bars no application submitted since.</summary>
    Lifted,
}
