using Microsoft.DurableTask;

namespace Workflow.Orchestrations.Workflows.PermitApplication;

/// <summary>
/// The version of the permit workflow's code, stamped on every instance it starts (the engine's orchestration
/// version). Strategy for applications in flight (README "Versioning"):
/// <list type="bullet">
/// <item>Every deployment carries one version. Workers run with match strategy "current or older": a newer deployment
/// finishes the instances older ones started, and an older worker still running during a rolling deployment rejects
/// (leaves for a newer worker) the instances a newer deployment started.</item>
/// <item>A change that alters the sequence of steps (activities, timers, events) of instances already in flight is made
/// behind <c>context.CompareVersionTo("x.y") &gt;= 0</c>, so a replay of an older instance takes its old path. The old
/// branch is removed only when no instance of that version is left (query the case index by workflow version).</item>
/// <item>A change that does not alter the steps (an activity's internals, policy data, a letter's wording) needs no new version.</item>
/// </list>
/// The local host sets this on its worker and client (Engine:WorkflowVersion); the Functions app in host.json
/// (extensions.durableTask.defaultVersion, versionMatchStrategy, versionFailureStrategy). A test checks both agree.
/// </summary>
public static class PermitWorkflowVersions
{
    /// <summary>1.0: the workflow of the first release (admissibility on the one-view, assessment, federal leg, SLA loop).</summary>
    public const string Version1 = "1.0";

    /// <summary>
    /// 2.0: the case model (a pure model of the case drives every step; one activity per transition carries out its
    /// effects); payments confirmed by the provider, reversals, withdrawals and corrections by the applicant. Renewals
    /// added no step: the input's optional <c>Renews</c> (absent in instances started before, which run as they did),
    /// the wage rule inside the assessment activity and the register's link inside the transition activity.
    /// </summary>
    public const string CaseModel = "2.0";

    /// <summary>
    /// 2.1: a transition that asks for work (sources, admissibility, assessment; not the letter) is carried out by the
    /// same activity that then does the work (<c>RecordThenWorkActivity</c>), not by an activity of its own before it:
    /// three activities and three episodes fewer per application. Instances of 2.0 keep the two activities.
    /// </summary>
    public const string RecordWithWork = "2.1";

    /// <summary>
    /// 2.2: the messages that have arrived by the time a transition is carried out are taken with it, in the order they
    /// arrived, and the transitions carried out as one (one activity instead of one each). The model sees the same
    /// messages in the same order as before; only fewer activities and episodes carry them out. Instances of 2.1 carry
    /// out each transition on its own.
    /// </summary>
    public const string ArrivedTogether = "2.2";

    /// <summary>
    /// 2.3: a timer that lost its race to a message is kept for the next wait when that wait is for the same moment,
    /// instead of a new timer for every wait. Each timer is a queue message that stays until its moment (and then wakes
    /// the workflow for nothing if it is still open), so a case waiting on a fee, the federal office and a caseworker
    /// before the same milestone set one timer instead of one per wait. Instances of 2.2 set one per wait.
    /// </summary>
    public const string KeptTimers = "2.3";

    public const string Current = KeptTimers;

    /// <summary>Instances stamped before 2.0 (or without a version: started before versioning) run the 1.0 steps.</summary>
    public static bool RunsVersion1(TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return string.IsNullOrEmpty(context.Version) || context.CompareVersionTo(CaseModel) < 0;
    }
}
