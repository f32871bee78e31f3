namespace Workflow.Application.Withdrawals;

/// <summary>An exclusion a withdrawal proposed, and where it is read (with who proposed and who confirmed it).</summary>
public sealed record ExclusionLink(string ExclusionId, string Url);
