namespace Workflow.Orchestrations.Letters;

/// <summary>Whom a letter is addressed to: a name, and the number that identifies them (an enterprise's KBO number).</summary>
public sealed record LetterAddressee(string Name, string? Identifier);
