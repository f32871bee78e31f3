using Workflow.Orchestrations.Cases;

namespace Workflow.Orchestrations.Ports;

/// <summary>One application's facts as the dashboard reads them: the case's milestones and, once assessed, the assessment's.</summary>
public sealed record RecordedCase(CaseFacts Case, AssessmentFacts? Assessment);

/// <summary>
/// The KPI projection: one row per application, written by the activities that record the case (ordered by revision,
/// so a retried or late write of an older revision changes nothing) and by the assessment. Read by the managers'
/// dashboard only.
/// </summary>
public interface ICaseFacts
{
    Task RecordAsync(CaseFacts facts, CancellationToken cancellationToken);

    Task RecordAssessmentAsync(string applicationId, AssessmentFacts assessment, CancellationToken cancellationToken);

    /// <summary>Every application recorded (those whose case is not recorded yet are left out).</summary>
    Task<IReadOnlyList<RecordedCase>> ListAsync(CancellationToken cancellationToken);

    /// <summary>The applications not closed yet.</summary>
    Task<IReadOnlyList<RecordedCase>> ListOpenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The applications submitted or decided in the months <paramref name="fromMonth"/> to <paramref name="toMonth"/>
    /// (yyyy-MM, both included; <see cref="CaseFacts.SubmittedMonth"/>, <see cref="CaseFacts.DecidedMonth"/>).
    /// </summary>
    Task<IReadOnlyList<RecordedCase>> ListMonthsAsync(string fromMonth, string toMonth, CancellationToken cancellationToken);
}
