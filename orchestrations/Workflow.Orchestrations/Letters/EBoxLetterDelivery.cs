using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Ports;

namespace Workflow.Orchestrations.Letters;

/// <summary>
/// Delivers a letter of the dossier to the employer's e-Box (<see cref="IEBox"/>), addressed by the employer's KBO
/// number read from the dossier, once per idempotency key. A self-employed applicant has no employer: nothing goes to
/// an e-Box then. Called by the activities that notify the employer of a letter.
/// </summary>
public sealed class EBoxLetterDelivery(IDossierStore dossiers, IEBox ebox)
{
    /// <summary>
    /// Delivers the letter a notification carries when it goes to the employer (the decision with its letter), under
    /// the notification's own key; false when it is none of those.
    /// </summary>
    public Task<bool> DeliverAsync(PartyNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        return notification is { Party: Party.Employer, LetterReference: string reference }
            ? this.DeliverAsync(notification.IdempotencyKey, notification.ApplicationId, LetterNames.FromReference(reference), cancellationToken)
            : Task.FromResult(false);
    }

    /// <summary>
    /// Delivers the application's letter of <paramref name="kind"/> (kept under <see cref="LetterNames.Pdf"/>) to the
    /// employer's e-Box under <paramref name="idempotencyKey"/>; false when the applicant is not an employer.
    /// </summary>
    public Task<bool> DeliverAsync(string idempotencyKey, string applicationId, LetterKind kind, CancellationToken cancellationToken) =>
        this.DeliverAsync(idempotencyKey, applicationId, LetterNames.Pdf(kind), cancellationToken);

    async Task<bool> DeliverAsync(string idempotencyKey, string applicationId, string letterName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        ApplicationDossier dossier = await dossiers.GetApplicationAsync(applicationId, cancellationToken)
            ?? throw new InvalidOperationException($"The dossier of application {applicationId} is missing.");
        if (dossier.Employer is not { } employer)
        {
            return false;
        }

        LetterFile letter = await dossiers.GetLetterAsync(applicationId, letterName, cancellationToken)
            ?? throw new InvalidOperationException($"Application {applicationId} has no letter {letterName} to deliver.");
        await ebox.DeliverAsync(
            new EBoxDelivery(idempotencyKey, applicationId, employer.Kbo, $"{Subject(letterName)} – {applicationId}", letterName, letter),
            cancellationToken);
        return true;
    }

    /// <summary>
    /// The e-Box message's subject, in Dutch like the letter: what the letter is, never who it is about. A withdrawal's letters carry the withdrawal's id before their name (<c>withdrawal-{id}-hearing-invitation.pdf</c>).
    /// </summary>
    public static string Subject(string letterName) =>
        letterName.EndsWith(LetterNames.Pdf(LetterKind.HearingInvitation), StringComparison.Ordinal) ? "Uitnodiging om gehoord te worden over de intrekking van een toelating tot arbeid"
        : letterName.EndsWith(LetterNames.Pdf(LetterKind.WithdrawalDecision), StringComparison.Ordinal) ? "Beslissing tot intrekking van een toelating tot arbeid"
        : "Beslissing over een aanvraag van een toelating tot arbeid";
}
