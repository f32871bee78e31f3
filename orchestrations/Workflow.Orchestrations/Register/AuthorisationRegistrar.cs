using Workflow.Orchestrations.Activities;
using Workflow.Orchestrations.Cases;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Domain.Identifiers;
using Workflow.Orchestrations.Policy;
using Workflow.Orchestrations.Ports;
using Workflow.Orchestrations.Workflows.RecognitionFollowUp;

namespace Workflow.Orchestrations.Register;

/// <summary>
/// Enters a granted application in the authorisations register (<see cref="IAuthorisationRegister"/>) when its case
/// closes: the employer from the dossier, the worker and the directors by keyed fingerprints (the directors as KBO
/// returned them to admissibility, in the one-view gathered then), validity from the decision date for the category's
/// term in the policy data. A renewal's grant continues the authorisation it renews and marks it renewed; a renewal
/// that closes without a grant frees the authorisation for another. Called by <see cref="RecordTransitionActivity"/>;
/// safe to call again. A grant to a nurse awaiting recognition of a foreign diploma (§2.2, §2.6) also asks for its
/// recognition follow-up (<see cref="IRecognitionFollowUps.RequestStartAsync"/>), before the grant's record of truth
/// is written, so a retry after a crash in between asks again.
/// </summary>
public sealed class AuthorisationRegistrar(
    IAuthorisationRegister register, IDossierStore dossiers, IPartyFingerprint fingerprints, PolicyCatalog policy, IRecognitionFollowUps recognitionFollowUps)
{
    public async Task RecordIfGrantedAsync(PermitCase state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state is { IsClosed: true, Renews: string freed } && state.Outcome != Outcome.Granted)
        {
            await register.ReleaseRenewalAsync(freed, state.ApplicationId, cancellationToken);
            return;
        }

        if (state is not { IsClosed: true, Outcome: Outcome.Granted })
        {
            return;
        }

        if (await register.GetAsync(state.ApplicationId, cancellationToken) is not null)
        {
            return; // recorded whole before (the application's row is written last): later transitions read nothing more
        }

        ApplicationDossier dossier = await dossiers.GetApplicationAsync(state.ApplicationId, cancellationToken)
            ?? throw new InvalidOperationException($"The dossier of application {state.ApplicationId} is missing.");
        AuthenticSourceOverview? overview = await dossiers.GetRecordAsync<AuthenticSourceOverview>(
            state.ApplicationId, GatherAuthenticSourcesActivity.OverviewRecord, cancellationToken);

        DateOnly grantedOn = PolicyCatalog.BelgianDate(state.DecidedAt ?? state.ClosedAt ?? state.SubmittedAt);
        string employer = dossier.Employer?.Kbo ?? dossier.SelfEmployed?.Kbo ?? dossier.ApplicantKey;
        string? worker = WorkerReference(fingerprints, dossier.Worker);
        Authorisation? renewed = state.Renews is string renews ? await register.GetAsync(renews, cancellationToken) : null;
        Authorisation authorisation = Authorisation.Grant(state.ApplicationId, employer, worker, state.Category, grantedOn, policy, renewed) with { Renews = state.Renews };
        IReadOnlyList<string> directors = [.. DirectorNumbers(overview).Select(n => PartyKeys.Director(fingerprints, n)).Distinct(StringComparer.Ordinal)];
        if (dossier.Worker.NurseAwaitingRecognition)
        {
            // A request, not the workflow itself: this runs inside the permit workflow's activity, which has no
            // durable client in the Functions host; a starter schedules the follow-up (docs/design.md).
            DateTimeOffset grantedAt = state.Clock().ToReal(state.DecidedAt ?? state.ClosedAt ?? state.SubmittedAt);
            await recognitionFollowUps.RequestStartAsync(
                new RecognitionStartRequest(state.ApplicationId, state.Category, grantedAt, state.PolicyDayLength), cancellationToken);
        }

        if (state.Renews is string renewedId)
        {
            await register.CompleteRenewalAsync(renewedId, state.ApplicationId, cancellationToken);
        }

        await register.RecordGrantAsync(authorisation, directors, cancellationToken);
    }

    /// <summary>The register's reference of the worker: the fingerprint of their INSZ or BIS number; null without one.</summary>
    public static string? WorkerReference(IPartyFingerprint fingerprints, WorkerDetails worker)
    {
        ArgumentNullException.ThrowIfNull(worker);
        return PartyKeys.WorkerOf(fingerprints, worker.PersonNumber);
    }

    /// <summary>The canonical person numbers of the employer's current directors in the one-view (invalid ones left out).</summary>
    public static IEnumerable<string> DirectorNumbers(AuthenticSourceOverview? overview)
    {
        string? directors = overview?.Value(AuthenticSource.Kbo, SourceFields.Employer, SourceFields.DirectorPersonNumbers);
        foreach (string director in (directors ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (PersonNumber.Check(director).IsValid && PersonNumber.Normalize(director) is string number)
            {
                yield return number;
            }
        }
    }
}
