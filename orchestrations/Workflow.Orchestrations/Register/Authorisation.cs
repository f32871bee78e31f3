using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Policy;
using Workflow.Orchestrations.Ports;

namespace Workflow.Orchestrations.Register;

/// <summary>
/// One work authorisation in the register: the application that granted it, the employer (its KBO number, or the
/// self-employed applicant's key), the worker by a keyed fingerprint of their person number ("worker:" + hex; null
/// when the worker has none), the category and its validity (Belgian dates, both inclusive; <c>ValidUntil</c> null when
/// the policy data holds no term). <c>TermId</c> names the policy entry the validity came from. <c>Renews</c>: for a
/// renewal, the application id of the authorisation it renews. A withdrawal under way or done names itself in
/// <c>WithdrawalId</c> (§2.1); <c>WithdrawnOn</c> is the Belgian date a withdrawal took effect. No personal data in clear.
/// </summary>
public sealed record Authorisation(
    string ApplicationId,
    string Employer,
    string? WorkerReference,
    PermitCategory Category,
    DateOnly ValidFrom,
    DateOnly? ValidUntil,
    AuthorisationState State,
    string? TermId,
    string? Renews = null,
    string? WithdrawalId = null,
    DateOnly? WithdrawnOn = null)
{
    /// <summary>A withdrawal is under way: named, and the authorisation still granted.</summary>
    public bool WithdrawalUnderWay => this.State == AuthorisationState.Granted && this.WithdrawalId is not null;

    /// <summary>
    /// The authorisation with a withdrawal's mark, or null when the mark does not apply: a withdrawal starts only on a
    /// granted authorisation with none under way (the same withdrawal again changes nothing); only the withdrawal under
    /// way withdraws it or ends, keeping it. A withdrawn authorisation stays withdrawn.
    /// </summary>
    public Authorisation? Marked(RegisterMark mark)
    {
        ArgumentNullException.ThrowIfNull(mark);
        bool ours = this.WithdrawalId == mark.WithdrawalId;
        return mark.Mark switch
        {
            WithdrawalMark.UnderWay when this.State == AuthorisationState.Granted && (this.WithdrawalId is null || ours) => this with { WithdrawalId = mark.WithdrawalId },
            WithdrawalMark.Withdrawn when ours && this.State == AuthorisationState.Withdrawn => this,
            WithdrawalMark.Withdrawn when ours && this.State == AuthorisationState.Granted => this with { State = AuthorisationState.Withdrawn, WithdrawnOn = mark.WithdrawnOn },
            WithdrawalMark.Kept when ours && this.State == AuthorisationState.Granted => this with { WithdrawalId = null },
            WithdrawalMark.Kept when this.State == AuthorisationState.Granted && this.WithdrawalId is null => this,
            _ => null,
        };
    }

    /// <summary>The last day of validity of an authorisation valid from <paramref name="from"/> for <paramref name="term"/>: the day before the term ends.</summary>
    public static DateOnly ValidUntilFor(DateOnly from, AuthorisationTermEntry term)
    {
        ArgumentNullException.ThrowIfNull(term);
        return from.AddMonths(term.Months ?? 0).AddDays((term.Days ?? 0) - 1);
    }

    /// <summary>
    /// The authorisation an application of <paramref name="category"/> granted on <paramref name="grantedOn"/> receives
    /// under <paramref name="policy"/>. A renewal (<paramref name="renewed"/>: the authorisation it renews) continues
    /// it: valid from the day after the renewed one ends, or from the decision date when that is later (interpretation,
    /// docs/design.md#renewals), for the category's term in force on that first day.
    /// </summary>
    public static Authorisation Grant(string applicationId, string employer, string? workerReference, PermitCategory category, DateOnly grantedOn, PolicyCatalog policy, Authorisation? renewed = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        DateOnly from = renewed?.ValidUntil is DateOnly previousEnd && previousEnd >= grantedOn ? previousEnd.AddDays(1) : grantedOn;
        AuthorisationTermEntry? term = policy.AuthorisationTermFor(category, from);
        return new Authorisation(
            applicationId,
            employer,
            workerReference,
            category,
            from,
            term is null ? null : ValidUntilFor(from, term),
            AuthorisationState.Granted,
            term?.Id,
            renewed?.ApplicationId);
    }
}
