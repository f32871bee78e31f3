namespace Workflow.Application.Exclusions;

/// <summary>The registry's answer to a command: the entry to record or recorded before, or the reason it is refused.</summary>
public sealed record RegistryDecision(RegistryVerdict Verdict, ExclusionEntry? Entry, string? Reason)
{
    public static RegistryDecision ToRecord(ExclusionEntry entry) => new(RegistryVerdict.Record, entry, null);

    public static RegistryDecision Repeat(ExclusionEntry earlier) => new(RegistryVerdict.Repeat, earlier, null);

    public static RegistryDecision Refuse(string reason) => new(RegistryVerdict.Refused, null, reason);

    public static RegistryDecision Unknown(string reason) => new(RegistryVerdict.Unknown, null, reason);
}
