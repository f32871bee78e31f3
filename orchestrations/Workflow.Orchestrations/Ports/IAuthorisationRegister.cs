using Workflow.Orchestrations.Register;

namespace Workflow.Orchestrations.Ports;

/// <summary>A page of the register and the token for the next (null on the last page).</summary>
public sealed record AuthorisationPage(IReadOnlyList<Authorisation> Items, string? Continuation);

/// <summary>
/// The authorisations register: every work authorisation granted, found by application, by employer, and by any of the
/// employer's directors at the time of the grant (their <see cref="PartyKeys.Director"/> keys: fingerprints, never the
/// numbers). Written when an application closes granted; a grant is recorded once (a retried write changes nothing).
/// A withdrawal marks it (<see cref="Authorisation.Marked"/>): under way, withdrawn, or kept.
/// </summary>
public interface IAuthorisationRegister
{
    /// <summary>Records a grant with the keys of the employer's directors; a second write of the same application is ignored.</summary>
    Task RecordGrantAsync(Authorisation authorisation, IReadOnlyList<string> directorKeys, CancellationToken cancellationToken);

    Task<Authorisation?> GetAsync(string applicationId, CancellationToken cancellationToken);

    /// <summary>
    /// Applies a withdrawal's mark (<see cref="Authorisation.Marked"/>) to the grant and its rows by employer and director,
    /// as one writer at a time (a concurrent change makes it read again). Answers the authorisation as it stands after
    /// (unchanged when the mark does not apply, so the caller sees why), or null when no grant is recorded. Safe to repeat.
    /// </summary>
    Task<Authorisation?> MarkAsync(string applicationId, RegisterMark mark, CancellationToken cancellationToken);

    /// <summary>The grants of one employer (KBO number or self-employed applicant key), in application id order.</summary>
    Task<AuthorisationPage> ListByEmployerAsync(string employer, int pageSize, string? continuation, CancellationToken cancellationToken);

    /// <summary>The grants to every employer the director directed when it was granted, in application id order.</summary>
    Task<AuthorisationPage> ListByDirectorAsync(string directorKey, int pageSize, string? continuation, CancellationToken cancellationToken);

    /// <summary>
    /// Claims the renewal of an authorisation for an application, unless another holds it: an authorisation is renewed
    /// by one application at a time, and once only. Returns the renewal as stored (this claim, or the one that stood).
    /// </summary>
    Task<AuthorisationRenewal> ClaimRenewalAsync(AuthorisationRenewal claim, CancellationToken cancellationToken);

    /// <summary>The renewal of an authorisation (pending or granted), or null when nothing renews it.</summary>
    Task<AuthorisationRenewal?> GetRenewalAsync(string renewedApplicationId, CancellationToken cancellationToken);

    /// <summary>Frees an authorisation whose renewing application closed without a grant (only a pending claim of that application).</summary>
    Task ReleaseRenewalAsync(string renewedApplicationId, string renewingApplicationId, CancellationToken cancellationToken);

    /// <summary>Marks an authorisation renewed by the application that holds its claim (safe to repeat).</summary>
    Task CompleteRenewalAsync(string renewedApplicationId, string renewingApplicationId, CancellationToken cancellationToken);
}
