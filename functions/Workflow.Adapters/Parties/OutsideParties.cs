using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Workflow.Adapters.Queues;
using Workflow.Adapters.Simulated;
using Workflow.Application.Ports;
using Workflow.Orchestrations.Ports;

namespace Workflow.Adapters.Parties;

/// <summary>
/// Which adapter serves each outside party, made explicit (docs/ports.md): a simulated party is registered only when
/// <see cref="SimulationSettings"/> names it, and a host whose composition leaves a party's port without an adapter
/// refuses to start, naming the party, rather than judging real applications on simulated data.
/// </summary>
public static class OutsideParties
{
    /// <summary>The outside parties and their ports; the simulation that can stand in for one, if any.</summary>
    static readonly (string Party, Type Port, string? Simulation)[] Parties =
    [
        (SimulatedParties.AuthenticSources, typeof(IAuthenticSources), SimulatedParties.AuthenticSources),
        (SimulatedParties.PaymentProvider, typeof(IPaymentProvider), SimulatedParties.PaymentProvider),
        (SimulatedParties.EBox, typeof(IEBox), SimulatedParties.EBox),
        ("federal-office-gateway", typeof(IFederalOfficeGateway), null),
        ("third-parties", typeof(IThirdPartyGateway), null),
        ("notifications", typeof(INotificationSender), null),
        ("alert-dispatch", typeof(IAlertDispatcher), null),
    ];

    /// <summary>
    /// Registers the simulations the settings opt in to. <paramref name="storageQueues"/>: the federal handoff travels on
    /// the Storage queues, where the simulated federal office listens (it cannot answer over Service Bus).
    /// </summary>
    public static IServiceCollection AddOptedInSimulations(this IServiceCollection services, IConfiguration configuration, bool storageQueues)
    {
        ArgumentNullException.ThrowIfNull(services);
        SimulationSettings simulations = SimulationSettings.From(configuration);
        services.AddSingleton(simulations);
        if (simulations.Has(SimulatedParties.AuthenticSources))
        {
            services.AddSingleton<IAuthenticSources, SimulatedAuthenticSources>();
        }

        if (simulations.Has(SimulatedParties.PaymentProvider))
        {
            SimulatedPaymentProvider.AddSimulatedPaymentProvider(services);
        }

        if (simulations.Has(SimulatedParties.EBox))
        {
            services.AddSingleton<IEBox, SimulatedEBox>();
        }

        if (simulations.Has(SimulatedParties.FederalOffice))
        {
            if (!storageQueues)
            {
                throw new InvalidOperationException(
                    $"{SimulationSettings.Section}:{nameof(SimulationSettings.Enabled)} names '{SimulatedParties.FederalOffice}', but the simulated federal office " +
                    "answers handoffs on the Storage queues only, and this host sends them over Service Bus to the real office. Remove it from the list.");
            }

            services.AddHostedService<SimulatedFederalOffice>();
        }

        if (simulations.Has(SimulatedParties.ExclusionsSeed))
        {
            services.AddHostedService<SimulatedExclusions>();
        }

        services.TryAddSingleton<WiredParties>();
        services.AddHostedService<PartiesStartupLog>();
        return services;
    }

    /// <summary>
    /// Refuses a composition that leaves a party's port without an adapter: call it last, once every host-specific
    /// adapter is registered. The message names each missing party and how to opt in to its simulation.
    /// </summary>
    public static void RequireEveryParty(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        string[] missing =
        [
            .. Parties
                .Where(party => !services.Any(descriptor => descriptor.ServiceType == party.Port))
                .Select(party => party.Simulation is null
                    ? $"{party.Party} (port {party.Port.Name}): no adapter is registered"
                    : $"{party.Party} (port {party.Port.Name}): no real adapter exists yet and its simulation is not opted in"),
        ];
        if (missing.Length > 0)
        {
            throw new InvalidOperationException(
                $"This host refuses to start without an adapter for every outside party: {string.Join("; ", missing)}. On a development or demo host, opt in " +
                $"to the simulations by name ({SimulationSettings.Section}:{nameof(SimulationSettings.Enabled)}, e.g. \"{SimulatedParties.AuthenticSources},{SimulatedParties.PaymentProvider}\"); " +
                "in production, build the real adapter against the party's interface (docs/ports.md).");
        }
    }

    /// <summary>The parties as this container serves them (resolves each port's adapter).</summary>
    internal static IReadOnlyList<WiredParty> Describe(IServiceProvider services, SimulationSettings simulations)
    {
        var parties = new List<WiredParty>();
        foreach ((string party, Type port, _) in Parties)
        {
            Type adapter = services.GetRequiredService(port).GetType();
            bool simulated = adapter.Namespace == typeof(SimulatedAuthenticSources).Namespace;
            if (port == typeof(IFederalOfficeGateway) && simulations.Has(SimulatedParties.FederalOffice))
            {
                parties.Add(new WiredParty(party, port.Name, adapter.Name, simulated));
                parties.Add(new WiredParty(SimulatedParties.FederalOffice, port.Name, nameof(SimulatedFederalOffice), Simulated: true));
                continue;
            }

            parties.Add(new WiredParty(party, port.Name, adapter.Name, simulated));
        }

        if (simulations.Has(SimulatedParties.ExclusionsSeed))
        {
            parties.Add(new WiredParty(SimulatedParties.ExclusionsSeed, nameof(IExclusionLedger), nameof(SimulatedExclusions), Simulated: true));
        }

        return parties;
    }
}
