using Workflow.Orchestrations.Workflows.RecognitionFollowUp;

namespace Workflow.Orchestrations.Ports;

/// <summary>
/// The follow-ups of grants to nurses awaiting recognition (§2.6): the start requests the registrar leaves when such a
/// grant enters the register (a starter schedules each follow-up's workflow from them), each follow-up's record as its
/// workflow last wrote it (ordered by revision), an index of the open ones by due date, and the notes kept with each
/// recorded outcome (the reason and who recorded it: staff only, never in the workflow).
/// </summary>
public interface IRecognitionFollowUps
{
    /// <summary>Asks for a follow-up of a grant; a second request for the same application changes nothing.</summary>
    Task RequestStartAsync(RecognitionStartRequest request, CancellationToken cancellationToken);

    /// <summary>The start requests not yet marked started, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<RecognitionStartRequest>> RequestedStartsAsync(int max, CancellationToken cancellationToken);

    /// <summary>Marks a request started (its workflow is scheduled).</summary>
    Task MarkStartedAsync(string applicationId, CancellationToken cancellationToken);

    /// <summary>Whether a follow-up was requested for the application (started or not).</summary>
    Task<RecognitionStartRequest?> GetRequestAsync(string applicationId, CancellationToken cancellationToken);

    /// <summary>Writes the follow-up's record unless a newer revision is stored, and keeps the open index in step.</summary>
    Task RecordAsync(RecognitionFollowUpCase followUp, CancellationToken cancellationToken);

    Task<RecognitionFollowUpCase?> GetAsync(string applicationId, CancellationToken cancellationToken);

    /// <summary>The open follow-ups, nearest due date first, a page at a time (the token is the previous page's).</summary>
    Task<RecognitionFollowUpPage> ListOpenAsync(int pageSize, string? continuation, CancellationToken cancellationToken);

    /// <summary>Keeps a recorded outcome's note (create-only: the first write stands).</summary>
    Task KeepNoteAsync(RecognitionNote note, CancellationToken cancellationToken);

    /// <summary>The notes of one follow-up, oldest first.</summary>
    Task<IReadOnlyList<RecognitionNote>> NotesAsync(string applicationId, CancellationToken cancellationToken);
}
