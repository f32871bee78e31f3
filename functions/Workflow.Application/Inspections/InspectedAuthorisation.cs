using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Register;

namespace Workflow.Application.Inspections;

/// <summary>
/// One work authorisation as an inspector finds it in the register: valid from and until are Belgian dates, both
/// inclusive; <c>Renews</c>: for a renewal, the application id of the authorisation it renews. A withdrawal under way or
/// done (§2.1) is named with where it is read; a withdrawn one says since when.
/// </summary>
public sealed record InspectedAuthorisation(
    string ApplicationId,
    string Employer,
    PermitCategory Category,
    DateOnly ValidFrom,
    DateOnly? ValidUntil,
    AuthorisationState State,
    string StatusUrl,
    string? Renews = null,
    bool WithdrawalUnderWay = false,
    string? WithdrawalId = null,
    string? WithdrawalUrl = null,
    DateOnly? WithdrawnOn = null);
