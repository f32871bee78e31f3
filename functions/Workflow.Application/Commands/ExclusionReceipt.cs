using Workflow.Application.Access;
using Workflow.Application.Exclusions;

namespace Workflow.Application.Commands;

/// <summary>
/// The answer to a command on the exclusion registry: the entry it recorded (or, for a repeat, the entry recorded the
/// first time), who and when, and where the exclusion with its history is read.
/// </summary>
public sealed record ExclusionReceipt(string ExclusionId, string? ChangeId, string Event, Actor By, DateTimeOffset At, string ExclusionUrl)
{
    public static ExclusionReceipt Of(ExclusionEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new(entry.ExclusionId, (entry as ExclusionChangeEntry)?.ChangeId, entry.EventName, entry.By, entry.At, ExclusionCommands.Url(entry.ExclusionId));
    }
}
