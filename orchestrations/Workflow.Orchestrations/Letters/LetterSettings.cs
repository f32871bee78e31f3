namespace Workflow.Orchestrations.Letters;

/// <summary>Settings for letters: the "Your Future in Flanders" info desk that every grant points to (§2.8).</summary>
public sealed record LetterSettings(Uri InfoDeskUrl);
