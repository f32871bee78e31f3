using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Core;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Workflow.Application.Ports;
using Workflow.Orchestrations.Ports;
using Workflow.Tests.Shared;

namespace Workflow.Functions.Tests.Support;

/// <summary>
/// The Functions app's DI container, built as the worker builds it: <see cref="PermitFunctionsApp.ConfigureServices"/>
/// (what Program calls) and then the extensions' startup code (the Durable extension's among them) through the
/// executor the Functions SDK generated into the app's assembly, which is what the worker runs at start. Optionally
/// the storage-backed ports are replaced by in-memory ones, so functions can be called without storage.
/// </summary>
internal sealed class FunctionsApp : IAsyncDisposable
{
    public const string WebhookSecret = "test-webhook-secret-of-at-least-32-characters";

    public const string PaymentSecret = "test-payment-provider-secret-of-32-characters";

    public const string DirectorKey = "test-exclusions-director-key-of-32-bytes-or-more";

    FunctionsApp(ServiceProvider services, FakeDurableTaskClient client)
    {
        this.Services = services;
        this.Client = client;
    }

    public ServiceProvider Services { get; }

    public FakeDurableTaskClient Client { get; }

    public InMemorySubmissionLedger Ledger => (InMemorySubmissionLedger)this.Services.GetRequiredService<ISubmissionLedger>();

    public InMemoryCaseIndex CaseIndex => (InMemoryCaseIndex)this.Services.GetRequiredService<ICaseIndex>();

    public InMemoryCaseAssignments Assignments => (InMemoryCaseAssignments)this.Services.GetRequiredService<ICaseAssignments>();

    public InMemoryAuditLog AuditLog => (InMemoryAuditLog)this.Services.GetRequiredService<IAuditLog>();

    public static Dictionary<string, string?> DefaultSettings() => new(StringComparer.OrdinalIgnoreCase)
    {
        ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
        ["TaskHubName"] = "permits",
        ["Messaging:Transport"] = "StorageQueues",
        ["FederalWebhook:Secret"] = WebhookSecret,
        ["PaymentProvider:WebhookSecret"] = PaymentSecret,
        ["Exclusions:DirectorKey"] = DirectorKey,
        ["WEBSITE_AUTH_ENABLED"] = "true", // as App Service sets it when its authentication runs in front

        // No real adapter exists for these two yet: without the opt-in the app refuses to start.
        ["Simulations:Enabled"] = "authentic-sources,payment-provider,ebox",
    };

    /// <param name="replace">Last replacements of services, before the container is built.</param>
    public static FunctionsApp Create(IDictionary<string, string?>? settings = null, bool inMemoryPorts = true, Action<IServiceCollection>? replace = null)
    {
        IConfiguration configuration = Configuration(settings);
        ServiceCollection services = Build(configuration);
        if (inMemoryPorts)
        {
            services.Replace(ServiceDescriptor.Singleton<ISubmissionLedger, InMemorySubmissionLedger>());
            services.Replace(ServiceDescriptor.Singleton<IApplicantIndex>(sp => (InMemorySubmissionLedger)sp.GetRequiredService<ISubmissionLedger>()));
            services.Replace(ServiceDescriptor.Singleton<IDossierStore, InMemoryDossierStore>());
            services.Replace(ServiceDescriptor.Singleton<IDocumentStaging, InMemoryDocumentStaging>());
            services.Replace(ServiceDescriptor.Singleton<IAuditLog, InMemoryAuditLog>());
            services.Replace(ServiceDescriptor.Singleton<ICaseIndex, InMemoryCaseIndex>());
            services.Replace(ServiceDescriptor.Singleton<ICaseFacts, InMemoryCaseFacts>());
            services.Replace(ServiceDescriptor.Singleton<IWorkerApplications, InMemoryWorkerApplications>());
            services.Replace(ServiceDescriptor.Singleton<IAuthorisationRegister, InMemoryAuthorisationRegister>());
            services.Replace(ServiceDescriptor.Singleton<IRecognitionFollowUps, InMemoryRecognitionFollowUps>());
            services.Replace(ServiceDescriptor.Singleton<ICaseAssignments, InMemoryCaseAssignments>());
            services.Replace(ServiceDescriptor.Singleton<IPeakPeriodCalendar, InMemoryPeakPeriodCalendar>());
            services.Replace(ServiceDescriptor.Singleton<IPaymentLedger, InMemoryPaymentLedger>());
            services.Replace(ServiceDescriptor.Singleton<ICommandLedger, InMemoryCommandLedger>());
            services.Replace(ServiceDescriptor.Singleton<ICommandOutcomes>(sp => sp.GetRequiredService<ICommandLedger>()));
            services.Replace(ServiceDescriptor.Singleton<IManagerAlertInbox, InMemoryManagerAlertInbox>());
            services.Replace(ServiceDescriptor.Singleton<IExclusionLedger, InMemoryExclusionLedger>());
            services.Replace(ServiceDescriptor.Singleton<IExcludedPersons, InMemoryExcludedPersons>());
            services.AddSingleton<InMemoryMisuseReports>();
            services.Replace(ServiceDescriptor.Singleton<Workflow.Application.Reports.IMisuseReports>(sp => sp.GetRequiredService<InMemoryMisuseReports>()));
            services.Replace(ServiceDescriptor.Singleton<IMisuseReportTriage>(sp => sp.GetRequiredService<InMemoryMisuseReports>()));
            services.AddSingleton<InMemoryWithdrawals>();
            services.Replace(ServiceDescriptor.Singleton<Workflow.Application.Withdrawals.IWithdrawals>(sp => sp.GetRequiredService<InMemoryWithdrawals>()));
            services.Replace(ServiceDescriptor.Singleton<IWithdrawalRecords>(sp => sp.GetRequiredService<InMemoryWithdrawals>()));
        }

        replace?.Invoke(services);
        return new FunctionsApp(services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true }), new FakeDurableTaskClient());
    }

    public static IConfiguration Configuration(IDictionary<string, string?>? settings = null)
    {
        Dictionary<string, string?> values = DefaultSettings();
        foreach ((string key, string? value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }

    /// <summary>The service collection of the app: Program's registrations, then the extensions' startup code.</summary>
    public static ServiceCollection Build(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddLogging();
        PermitFunctionsApp.ConfigureServices(services, configuration);
        RunExtensionStartupCode(services);
        return services;
    }

    /// <summary>A function invocation's context and a request to go with it.</summary>
    /// <param name="principal">The X-MS-CLIENT-PRINCIPAL header App Service authentication would forward (<see cref="EasyAuth"/>); none when null.</param>
    public (TestFunctionContext Context, DefaultHttpContext Http) Invocation(string method, string path, string? json = null, string contentType = "application/json", string? principal = null)
    {
        AsyncServiceScope scope = this.Services.CreateAsyncScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        http.Request.Method = method;
        http.Request.Scheme = "https";
        http.Request.Host = new HostString("permits.example");
        http.Request.Path = path;
        if (json is not null)
        {
            byte[] body = System.Text.Encoding.UTF8.GetBytes(json);
            http.Request.Body = new MemoryStream(body);
            http.Request.ContentLength = body.Length;
            http.Request.ContentType = contentType;
        }

        if (principal is not null)
        {
            http.Request.Headers["X-MS-CLIENT-PRINCIPAL"] = principal;
        }

        http.Response.Body = new MemoryStream();
        return (new TestFunctionContext(scope), http);
    }

    public ValueTask DisposeAsync() => this.Services.DisposeAsync();

    static void RunExtensionStartupCode(IServiceCollection services)
    {
        Assembly app = typeof(PermitFunctionsApp).Assembly;
        WorkerExtensionStartupCodeExecutorInfoAttribute info = app.GetCustomAttribute<WorkerExtensionStartupCodeExecutorInfoAttribute>()
            ?? throw new InvalidOperationException("The Functions SDK generated no extension startup executor into the app.");
        var startup = (WorkerExtensionStartup)Activator.CreateInstance(info.StartupCodeExecutorType)!;
        startup.Configure(new ApplicationBuilder(services));
    }

    sealed class ApplicationBuilder(IServiceCollection services) : IFunctionsWorkerApplicationBuilder
    {
        public IServiceCollection Services { get; } = services;

        public IFunctionsWorkerApplicationBuilder Use(Func<FunctionExecutionDelegate, FunctionExecutionDelegate> middleware) => this;
    }
}

/// <summary>A function invocation's context: its services are a scope of the app's container, as in the worker.</summary>
internal sealed class TestFunctionContext(AsyncServiceScope scope) : FunctionContext, IAsyncDisposable
{
    public override string InvocationId { get; } = Guid.NewGuid().ToString("N");

    public override string FunctionId => "test";

    public override TraceContext TraceContext => throw new NotSupportedException();

    public override BindingContext BindingContext => throw new NotSupportedException();

    public override RetryContext RetryContext => throw new NotSupportedException();

    public override IServiceProvider InstanceServices { get => scope.ServiceProvider; set => throw new NotSupportedException(); }

    public override FunctionDefinition FunctionDefinition => throw new NotSupportedException();

    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

    public override IInvocationFeatures Features => throw new NotSupportedException();

    public ValueTask DisposeAsync() => scope.DisposeAsync();
}
