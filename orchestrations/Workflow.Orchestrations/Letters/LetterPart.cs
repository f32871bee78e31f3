namespace Workflow.Orchestrations.Letters;

/// <summary>
/// A letter in one language: its title, its particulars, the paragraphs before the grounds and those after them (the
/// grounds and the appeal route are the letter's, rendered in this part's language).
/// </summary>
public sealed record LetterPart(
    LetterLanguage Language,
    string Title,
    IReadOnlyList<LetterFact> Facts,
    IReadOnlyList<string> Paragraphs,
    IReadOnlyList<string> Closing);
