namespace Workflow.Orchestrations.Letters;

/// <summary>The languages of a letter: Dutch, the language of the Flemish authority; English, its translation for the worker.</summary>
public enum LetterLanguage
{
    Dutch,
    English,
}
