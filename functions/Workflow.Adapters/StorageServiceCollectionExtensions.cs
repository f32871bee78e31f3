using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Workflow.Adapters.Queues;
using Workflow.Adapters.Simulated;
using Workflow.Adapters.Storage;
using Workflow.Application;
using Workflow.Application.Ports;
using Workflow.Orchestrations.Ports;

namespace Workflow.Adapters;

/// <summary>
/// Wires the Azure Storage adapters into a host: the same registrations for the local host and, later, the Functions
/// app, so both talk to storage the same way (names, encodings, keys).
/// </summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Binds "Storage", "FederalOffice" and "AuthenticSources"; registers <see cref="StorageNames"/>,
    /// <see cref="StorageProvisioner"/>, and every port of the workflow and application layers that a real adapter serves.
    /// The simulated parties (authentic sources, payment provider, federal office, exclusions seed) are not here: a
    /// host opts in to each by name (<see cref="Parties.OutsideParties.AddOptedInSimulations"/>). The storage clients come
    /// from the host (<see cref="AzureClients.AddStorageClients(IServiceCollection, string)"/> or by endpoints and credential).
    /// </summary>
    public static IServiceCollection AddAzureStorageAdapters(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<StorageSettings>().Bind(configuration.GetSection(StorageSettings.Section))
            .Validate(s => !string.IsNullOrWhiteSpace(s.ConnectionString), $"{StorageSettings.Section}:{nameof(StorageSettings.ConnectionString)} must not be empty.")
            .Validate(s => IsNamePrefix(s.NamePrefix), $"{StorageSettings.Section}:{nameof(StorageSettings.NamePrefix)} must be empty or at most {StorageNames.MaxPrefixLength} ASCII letters and digits, starting with a letter.")
            .ValidateOnStart();
        services.AddOptions<WorkflowSettings>().Bind(configuration.GetSection(WorkflowSettings.Section));
        services.AddOptions<AuthenticSourcesSettings>().Bind(configuration.GetSection(AuthenticSourcesSettings.Section));
        services.AddOptions<FederalOfficeSettings>().Configure(settings => BindFederalOffice(configuration.GetSection(FederalOfficeSettings.Section), settings))
            .Validate(s => s.RefusalRate is >= 0 and <= 1 && s.InformationRequestRate is >= 0 and <= 1, $"{FederalOfficeSettings.Section}: RefusalRate and InformationRequestRate are shares from 0 to 1.")
            .Validate(
                s => s.AcknowledgeAfterDays >= 0 && s.DecisionAfterDaysMin >= 0 && s.DecisionAfterDaysMin <= s.DecisionAfterDaysMax,
                $"{FederalOfficeSettings.Section}: AcknowledgeAfterDays and DecisionAfterDaysMin must not be negative, and DecisionAfterDaysMin not above DecisionAfterDaysMax.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddSingleton(sp => new StorageNames(sp.GetRequiredService<IOptions<StorageSettings>>()));
        services.TryAddSingleton<StorageProvisioner>();

        services.AddSingleton<IDossierStore, BlobDossierStore>();
        services.AddSingleton<IDocumentStaging, BlobDocumentStaging>();
        services.AddSingleton<ICaseIndex, TableCaseIndex>();
        services.AddSingleton<ICaseFacts, TableCaseFacts>();
        services.AddSingleton<Application.Ports.IWorkerApplications, TableWorkerApplications>();
        services.AddSingleton<CaseFactsBackfill>();
        services.AddSingleton<IAuthorisationRegister, TableAuthorisationRegister>();
        services.AddSingleton<IRecognitionFollowUps, TableRecognitionFollowUps>();
        services.TryAddSingleton<Orchestrations.Register.AuthorisationRegistrar>();
        services.TryAddSingleton<Orchestrations.Letters.EBoxLetterDelivery>(); // over IEBox: a real adapter, or the simulation opted in
        services.AddHostedService(sp => sp.GetRequiredService<CaseFactsBackfill>()); // the applications recorded before the projection
        services.AddSingleton<ICaseAssignments, TableCaseAssignments>();
        services.TryAddSingleton<IAuditLog, TableAuditLog>(); // a host (or a test) may bring its own
        services.TryAddSingleton<IAlertDispatcher, QueueAlertDispatcher>();
        services.AddSingleton<IAlertPublisher, OutboxAlertPublisher>();
        services.AddSingleton<IFederalOfficeGateway, QueueFederalOfficeGateway>();
        services.AddSingleton<INotificationSender, TableNotificationSender>();
        services.AddSingleton<TableSubmissionLedger>();
        services.AddSingleton<ISubmissionLedger>(sp => sp.GetRequiredService<TableSubmissionLedger>());
        services.AddSingleton<IApplicantHistory>(sp => sp.GetRequiredService<TableSubmissionLedger>());
        services.AddSingleton<IApplicantIndex>(sp => sp.GetRequiredService<TableSubmissionLedger>());
        services.AddSingleton<TableExclusionRegistry>();
        services.AddSingleton<IExclusionRegistry>(sp => sp.GetRequiredService<TableExclusionRegistry>());
        services.AddSingleton<IExclusionLedger>(sp => sp.GetRequiredService<TableExclusionRegistry>());
        services.AddSingleton<IExcludedPersons, BlobExcludedPersons>();
        services.AddSingleton<IThirdPartyGateway, TableThirdPartyGateway>();
        services.TryAddSingleton<IPaymentLedger, TablePaymentLedger>(); // a host (or a test) may bring its own
        services.AddSingleton<ICommandLedger, TableCommandLedger>();
        services.AddSingleton<ICommandOutcomes>(sp => sp.GetRequiredService<ICommandLedger>());
        services.AddSingleton<IPeakPeriodCalendar, TablePeakPeriodCalendar>();
        services.AddSingleton<IManagerAlertInbox, TableManagerAlertInbox>();
        services.AddSingleton<TableMisuseReports>();
        services.AddSingleton<Application.Reports.IMisuseReports>(sp => sp.GetRequiredService<TableMisuseReports>());
        services.AddSingleton<IMisuseReportTriage>(sp => sp.GetRequiredService<TableMisuseReports>());
        services.AddSingleton<TableWithdrawals>();
        services.AddSingleton<Application.Withdrawals.IWithdrawals>(sp => sp.GetRequiredService<TableWithdrawals>());
        services.AddSingleton<IWithdrawalRecords>(sp => sp.GetRequiredService<TableWithdrawals>());
        return services;
    }

    /// <summary>The queue listeners: federal decisions, SLA alerts, and the outbox relay.</summary>
    public static IServiceCollection AddStorageQueueListeners(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddHostedService<FederalDecisionsListener>();
        services.AddHostedService<SlaAlertsConsumer>();
        services.AddHostedService<OutboxRelay>();
        return services;
    }

    /// <summary>Binds the section; a configured list of reason codes replaces the default list (the binder would append to it).</summary>
    static void BindFederalOffice(IConfigurationSection section, FederalOfficeSettings settings)
    {
        section.Bind(settings, binder => binder.ErrorOnUnknownConfiguration = false);
        string[] codes = [.. section.GetSection(nameof(FederalOfficeSettings.ReasonCodesOnRefusal)).GetChildren().Select(c => c.Value).OfType<string>()];
        if (codes.Length > 0)
        {
            settings.ReasonCodesOnRefusal = codes;
        }
    }

    static bool IsNamePrefix(string? prefix) =>
        string.IsNullOrEmpty(prefix) || (prefix.Length <= StorageNames.MaxPrefixLength && char.IsAsciiLetter(prefix[0]) && prefix.All(char.IsAsciiLetterOrDigit));

}
