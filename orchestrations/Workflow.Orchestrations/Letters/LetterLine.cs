namespace Workflow.Orchestrations.Letters;

/// <summary>One laid-out line of a letter: its runs, and the height it takes on the page.</summary>
internal sealed record LetterLine(IReadOnlyList<LetterRun> Runs, double Height);
