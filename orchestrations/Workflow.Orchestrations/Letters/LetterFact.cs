namespace Workflow.Orchestrations.Letters;

/// <summary>One line of a letter's particulars ("Dossier: wp-...").</summary>
public sealed record LetterFact(string Label, string Value);
