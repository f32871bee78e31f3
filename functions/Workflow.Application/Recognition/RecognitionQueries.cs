using Workflow.Application.Queries;
using Workflow.Orchestrations.Ports;
using Workflow.Orchestrations.Workflows.RecognitionFollowUp;

namespace Workflow.Application.Recognition;

/// <summary>Reads of the recognition follow-ups (§2.6) from their records, never from the task hub; overdue is judged at the time of the request.</summary>
public sealed class RecognitionQueries(IRecognitionFollowUps followUps, TimeProvider time)
{
    public static string Url(string applicationId) => $"/api/applications/{applicationId}/recognition";

    /// <summary>The follow-up of an application for staff (<paramref name="staff"/>) or for its employer; null when the grant has none.</summary>
    public async Task<RecognitionFollowUpView?> ViewAsync(string applicationId, bool staff, CancellationToken cancellationToken)
    {
        if (await followUps.GetAsync(applicationId, cancellationToken) is not RecognitionFollowUpCase followUp)
        {
            return await followUps.GetRequestAsync(applicationId, cancellationToken) is null
                ? null
                : new RecognitionFollowUpView(applicationId, RecognitionStage.AwaitingRecognition, Starting: true, null, null, null, null);
        }

        var view = new RecognitionFollowUpView(
            applicationId, followUp.Stage, Starting: false, followUp.StartedAt, followUp.DueAt, followUp.RecognisedAt, followUp.ClosedAt);
        if (!staff)
        {
            return view;
        }

        DateTimeOffset now = followUp.Clock().ToPolicy(time.GetUtcNow());
        IReadOnlyList<RecognitionNote> notes = await followUps.NotesAsync(applicationId, cancellationToken);
        return view with
        {
            Overdue = followUp.IsOverdue(now),
            DaysLeft = followUp.DueAt is DateTimeOffset due ? Math.Round((due - now).TotalDays, 3) : null,
            TermDays = followUp.TermDays,
            TermExtended = followUp.TermExtended,
            TermsId = followUp.Terms.TermsId,
            AlertsFired = followUp.FiredAlerts,
            Outcomes = [.. notes.Select(n => new RecognitionNoteView(n.Kind, n.CommandId, n.Outcome, n.Reason, n.ByRole, n.BySubject, n.ByName, n.RecordedAt))],
        };
    }

    /// <summary>The summary in an application's status, or null when its grant has no follow-up.</summary>
    public async Task<RecognitionSummary?> SummaryAsync(string applicationId, bool staff, CancellationToken cancellationToken)
    {
        if (await followUps.GetAsync(applicationId, cancellationToken) is RecognitionFollowUpCase followUp)
        {
            return new RecognitionSummary(
                followUp.Stage, followUp.DueAt, Url(applicationId), staff ? followUp.IsOverdue(followUp.Clock().ToPolicy(time.GetUtcNow())) : null);
        }

        return await followUps.GetRequestAsync(applicationId, cancellationToken) is null ? null : new RecognitionSummary(RecognitionStage.AwaitingRecognition, null, Url(applicationId));
    }

    /// <summary>The open follow-ups, nearest due date first, a page at a time.</summary>
    public async Task<RecognitionWorkPage> ListOpenAsync(int pageSize, string? continuation, CancellationToken cancellationToken)
    {
        RecognitionFollowUpPage page = await followUps.ListOpenAsync(pageSize, continuation, cancellationToken);
        DateTimeOffset real = time.GetUtcNow();
        return new RecognitionWorkPage(
            [.. page.Items.Where(f => f.DueAt is not null).Select(f => Item(f, f.Clock().ToPolicy(real)))],
            page.Continuation);
    }

    static RecognitionWorkItem Item(RecognitionFollowUpCase followUp, DateTimeOffset now) => new(
        followUp.ApplicationId,
        followUp.Category,
        followUp.Stage,
        followUp.DueAt!.Value,
        followUp.IsOverdue(now),
        Math.Round((followUp.DueAt.Value - now).TotalDays, 3),
        followUp.TermExtended,
        Url(followUp.ApplicationId),
        ApplicationQueries.StatusUrl(followUp.ApplicationId));
}
