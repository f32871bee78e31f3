namespace Workflow.Orchestrations.Register;

/// <summary>Where the renewal of an authorisation stands: an application renewing it is open, or its renewal was granted.</summary>
public enum RenewalState
{
    /// <summary>An open application renews the authorisation; no other may until it closes.</summary>
    Pending,

    /// <summary>The renewing application was granted: the authorisation is renewed, for good.</summary>
    Renewed,
}
