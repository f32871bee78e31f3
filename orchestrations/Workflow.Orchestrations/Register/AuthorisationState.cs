namespace Workflow.Orchestrations.Register;

/// <summary>Where a work authorisation in the register stands: granted (perhaps with a withdrawal under way), withdrawn (§2.1); expiry is for later.</summary>
public enum AuthorisationState
{
    Granted,
    Withdrawn,
    Expired,
}
