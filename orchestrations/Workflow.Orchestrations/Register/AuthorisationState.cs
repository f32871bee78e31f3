namespace Workflow.Orchestrations.Register;

/// <summary>Where a work authorisation in the register stands. Only grants are recorded so far; the others are for withdrawal and expiry.</summary>
public enum AuthorisationState
{
    Granted,
    Withdrawn,
    Expired,
}
