using Workflow.Application.Access;

namespace Workflow.Application.Exclusions;

/// <summary>An entry about a change (lift or correction) of a confirmed exclusion, named by the client's change id.</summary>
public abstract record ExclusionChangeEntry(string ExclusionId, string ChangeId, Actor By, DateTimeOffset At) : ExclusionEntry(ExclusionId, By, At)
{
    /// <summary>The slot of a proposed change; its confirmation sits next to it.</summary>
    public static string ChangeSlot(string changeId) => $"change|{changeId}";
}
