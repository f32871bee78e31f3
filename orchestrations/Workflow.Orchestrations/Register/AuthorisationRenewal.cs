namespace Workflow.Orchestrations.Register;

/// <summary>
/// The one renewal of an authorisation in the register (<see cref="Ports.IAuthorisationRegister.ClaimRenewalAsync"/>):
/// the application id of the authorisation renewed, the application that renews it, whether that is still open or was
/// granted, and when it was claimed (real time). Ids only.
/// </summary>
public sealed record AuthorisationRenewal(string RenewedApplicationId, string RenewingApplicationId, RenewalState State, DateTimeOffset ClaimedAt);
