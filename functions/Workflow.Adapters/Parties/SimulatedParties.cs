namespace Workflow.Adapters.Parties;

/// <summary>The names by which a host opts in to a simulated outside party (<see cref="SimulationSettings"/>).</summary>
public static class SimulatedParties
{
    /// <summary>KBO, the national register, Dimona and DMFA (<c>SimulatedAuthenticSources</c>, port IAuthenticSources).</summary>
    public const string AuthenticSources = "authentic-sources";

    /// <summary>The federal immigration office answering handoffs (<c>SimulatedFederalOffice</c>, over the Storage queues).</summary>
    public const string FederalOffice = "federal-office";

    /// <summary>The payment service provider (<c>SimulatedPaymentProvider</c>, port IPaymentProvider).</summary>
    public const string PaymentProvider = "payment-provider";

    /// <summary>The exclusion registry seeded with the pattern employers (<c>SimulatedExclusions</c>).</summary>
    public const string ExclusionsSeed = "exclusions-seed";

    /// <summary>The employers' e-Box, recording each letter delivered (<c>SimulatedEBox</c>, port IEBox).</summary>
    public const string EBox = "ebox";

    public static IReadOnlyList<string> All { get; } = [AuthenticSources, FederalOffice, PaymentProvider, ExclusionsSeed, EBox];
}
