using System.Collections.Concurrent;
using Workflow.Application.Ports;
using Workflow.Orchestrations.Cases;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Ports;
using Workflow.Orchestrations.Register;

namespace Workflow.UnitTests.Support;

/// <summary>
/// What a renewal is checked against, in memory: the register (grants and their renewals, as the table keeps them: a
/// claim is inserted unless one stands, freed and completed only by its holder), the submissions ledger, the case
/// index, the dossiers' applications, and a fingerprint that is the number reversed (keyed enough for a test).
/// Members renewals do not use are not supported.
/// </summary>
internal sealed class RenewalWorld : IAuthorisationRegister, ISubmissionLedger, ICaseIndex, IDossierStore, IPartyFingerprint
{
    public ConcurrentDictionary<string, Authorisation> Grants { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, AuthorisationRenewal> Renewals { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, SubmissionRecord> Submissions { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, PermitCase> Cases { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, ApplicationDossier> Dossiers { get; } = new(StringComparer.Ordinal);

    public string OfPersonNumber(string canonicalPersonNumber) => new([.. canonicalPersonNumber.Reverse()]);

    // ---- the register ----

    public Task RecordGrantAsync(Authorisation authorisation, IReadOnlyList<string> directorKeys, CancellationToken cancellationToken)
    {
        this.Grants.TryAdd(authorisation.ApplicationId, authorisation);
        return Task.CompletedTask;
    }

    public Task<Authorisation?> GetAsync(string applicationId, CancellationToken cancellationToken) =>
        Task.FromResult(this.Grants.GetValueOrDefault(applicationId));

    public Task<AuthorisationRenewal> ClaimRenewalAsync(AuthorisationRenewal claim, CancellationToken cancellationToken) =>
        Task.FromResult(this.Renewals.GetOrAdd(claim.RenewedApplicationId, claim));

    public Task<AuthorisationRenewal?> GetRenewalAsync(string renewedApplicationId, CancellationToken cancellationToken) =>
        Task.FromResult(this.Renewals.GetValueOrDefault(renewedApplicationId));

    public Task ReleaseRenewalAsync(string renewedApplicationId, string renewingApplicationId, CancellationToken cancellationToken)
    {
        if (this.Renewals.TryGetValue(renewedApplicationId, out AuthorisationRenewal? held) && held is { State: RenewalState.Pending } && held.RenewingApplicationId == renewingApplicationId)
        {
            this.Renewals.TryRemove(KeyValuePair.Create(renewedApplicationId, held));
        }

        return Task.CompletedTask;
    }

    public Task CompleteRenewalAsync(string renewedApplicationId, string renewingApplicationId, CancellationToken cancellationToken)
    {
        this.Renewals.AddOrUpdate(
            renewedApplicationId,
            new AuthorisationRenewal(renewedApplicationId, renewingApplicationId, RenewalState.Renewed, DateTimeOffset.UnixEpoch),
            (_, held) => held.RenewingApplicationId == renewingApplicationId ? held with { State = RenewalState.Renewed } : held);
        return Task.CompletedTask;
    }

    public Task<AuthorisationPage> ListByEmployerAsync(string employer, int pageSize, string? continuation, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<AuthorisationPage> ListByDirectorAsync(string directorKey, int pageSize, string? continuation, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<Authorisation?> MarkAsync(string applicationId, RegisterMark mark, CancellationToken cancellationToken) => throw new NotSupportedException();

    // ---- the submissions ledger ----

    Task<SubmissionRecord?> ISubmissionLedger.GetAsync(string applicationId, CancellationToken cancellationToken) =>
        Task.FromResult(this.Submissions.GetValueOrDefault(applicationId));

    public Task<(ReservationOutcome Outcome, SubmissionRecord Record)> TryReserveAsync(SubmissionRecord record, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<bool> TryTakeOverAsync(SubmissionRecord seen, DateTimeOffset now, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task MarkScheduledAsync(string applicationId, CancellationToken cancellationToken) => throw new NotSupportedException();

    // ---- the case index ----

    Task<PermitCase?> ICaseIndex.GetAsync(string applicationId, CancellationToken cancellationToken) =>
        Task.FromResult(this.Cases.GetValueOrDefault(applicationId));

    public Task UpsertAsync(PermitCase state, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<CasePage> ListWorklistAsync(int pageSize, string? continuation, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<PermitCase>> ListClosedAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    // ---- the dossiers ----

    public Task<ApplicationDossier?> GetApplicationAsync(string applicationId, CancellationToken cancellationToken) =>
        Task.FromResult(this.Dossiers.GetValueOrDefault(applicationId));

    public Task<T?> GetRecordAsync<T>(string applicationId, string name, CancellationToken cancellationToken) => Task.FromResult(default(T));

    public Task SaveApplicationAsync(ApplicationDossier dossier, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task SaveDocumentAsync(string applicationId, StoredDocument document, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<StoredDocument>> ListDocumentsAsync(string applicationId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<DossierDocument?> OpenDocumentAsync(string applicationId, string type, string sha256, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task SaveRecordAsync<T>(string applicationId, string name, T record, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<string> SaveLetterAsync(string applicationId, string letterName, LetterFile letter, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<LetterFile?> GetLetterAsync(string applicationId, string letterName, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<int> DeleteAsync(string applicationId, CancellationToken cancellationToken) => throw new NotSupportedException();
}
