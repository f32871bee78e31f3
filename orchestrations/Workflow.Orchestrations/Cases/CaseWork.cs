namespace Workflow.Orchestrations.Cases;

/// <summary>
/// Work the model asks of the outside world and whose result it needs before it goes on: each is one activity, and
/// its result comes back as a <see cref="CaseInput"/>. Asked twice before it is done, the same work is done once.
/// </summary>
public enum CaseWork
{
    /// <summary>Read the authentic sources into the one-view (§2.9). Result: <see cref="SourcesRead"/>.</summary>
    GatherSources,

    /// <summary>Completeness and exclusions (§2.1, §2.9). Result: <see cref="AdmissibilityChecked"/>.</summary>
    CheckAdmissibility,

    /// <summary>The category's rules and the fraud signals, for the caseworker. Result: <see cref="Assessed"/>.</summary>
    Assess,

    /// <summary>Write the decision letter into the dossier. Result: <see cref="LetterIssued"/>.</summary>
    IssueLetter,
}
