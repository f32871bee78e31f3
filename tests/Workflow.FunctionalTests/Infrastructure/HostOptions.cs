namespace Workflow.FunctionalTests.Infrastructure;

/// <summary>How a test host is set up. Every host has its own task hub and storage names on the shared Azurite.</summary>
internal sealed record PermitHostOptions
{
    /// <summary>One policy day per second of real time: a 30-day SLA takes 30 s.</summary>
    public TimeSpan PolicyDay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>"Off": the tests play the federal office; "Simulated": the deterministic simulator answers.</summary>
    public string FederalOffice { get; init; } = "Off";

    public string Name { get; init; } = "t" + Guid.NewGuid().ToString("N")[..10];

    public bool InMemoryEngine { get; init; }

    /// <summary>The secret the federal webhook checks signatures with on test hosts.</summary>
    public const string WebhookSecret = "functional-tests-federal-webhook-secret-0001";

    /// <summary>The secret the payment provider signs its callbacks with on test hosts (the simulated provider and the tests alike).</summary>
    public const string PaymentSecret = "functional-tests-payment-provider-secret-01";

    /// <summary>The key test hosts check bearer tokens with, and <see cref="ApiClient"/> signs them with.</summary>
    public const string SigningKey = "functional-tests-token-signing-key-0000001";

    public IReadOnlyDictionary<string, string?> Extra { get; init; } = new Dictionary<string, string?>();

    /// <summary>The host's settings as command-line arguments (the same for an in-process host and a separate process).</summary>
    public List<string> Arguments(string storage, int httpPort, string? workerId = null)
    {
        var args = new List<string>
        {
            $"--Http:Port={httpPort}",
            $"--Storage:ConnectionString={storage}",
            $"--Storage:NamePrefix={this.Name}",
            $"--Engine:TaskHub={this.Name}",
            $"--Engine:ControlQueueVisibilityTimeout=00:00:20",
            $"--Engine:WorkItemQueueVisibilityTimeout=00:00:20",
            $"--Workflow:PolicyDayLength={this.PolicyDay:c}",
            $"--Workflow:SubmissionTakeOverAfter=00:00:05",
            $"--FederalOffice:Mode={this.FederalOffice}",
            $"--FederalWebhook:Secret={WebhookSecret}",
            $"--PaymentProvider:WebhookSecret={PaymentSecret}",
            $"--Auth:SigningKey={SigningKey}",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Workflow.Adapters.Parties=Error", // every test host simulates parties, by design: no warning each start

            // Budgets no test reaches: the suite's parallel tests poll with one token per role (and anonymous calls come
            // from one address), far more than any real caller. RateLimitTests set tight ones through Extra.
            "--RateLimits:Requests:TokenLimit=1000000",
            "--RateLimits:Requests:TokensPerPeriod=1000000",
            "--RateLimits:Submissions:TokenLimit=1000000",
            "--RateLimits:Submissions:TokensPerPeriod=1000000",
        };
        if (workerId is not null)
        {
            args.Add($"--Engine:WorkerId={workerId}");
        }

        if (this.InMemoryEngine)
        {
            args.Add("--in-memory");
        }

        args.AddRange(this.Extra.Select(e => $"--{e.Key}={e.Value}"));
        return args;
    }
}
