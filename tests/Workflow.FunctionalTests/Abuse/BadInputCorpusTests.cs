using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using Azure.Data.Tables.Models;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.DurableTask.Client;
using Workflow.Adapters;
using Workflow.Application.Access;
using Workflow.Application.Federal;
using Workflow.FunctionalTests.Infrastructure;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Domain.Identifiers;

namespace Workflow.FunctionalTests.Abuse;

/// <summary>
/// The bad-input corpus (issue 5, item 3): every file in <c>tests/corpus/bad-input</c> is sent as it says, and gets
/// exactly its expected 4xx as an RFC 9457 problem; nothing is stored (no table row, blob, queue message or workflow
/// instance more; the existing application's state and timeline unchanged; a submission's derived id unknown
/// everywhere); no long string of the request is repeated back; and the host still answers afterwards. On a host of
/// its own with a policy day of an hour, so nothing else changes its storage while a case runs.
/// </summary>
[Collection(HeavyTests.Name)]
public sealed class BadInputCorpusTests(BadInputCorpusFixture fixture) : IClassFixture<BadInputCorpusFixture>
{
    /// <summary>The employer of the corpus's submissions (the samples' KBO number) unless the body names another valid one.</summary>
    const string DefaultApplicant = "0412345614";

    /// <summary>A problem says what is wrong in a few lines; it never grows with the request.</summary>
    const int MaxProblemBytes = 16 * 1024;

    public static IEnumerable<object[]> Files => BadInputCase.Names().Select(name => new object[] { name });

    [Fact]
    public void The_corpus_has_at_least_60_cases_across_every_endpoint_that_takes_a_body()
    {
        List<BadInputCase> cases = [.. BadInputCase.Names().Select(BadInputCase.Load)];
        Assert.True(cases.Count >= 60, $"{cases.Count} cases");
        string[] endpoints =
        [
            "POST /api/applications", "POST /api/applications/{applicationId}/documents", "POST /api/applications/{applicationId}/payments",
            "POST /api/applications/{applicationId}/information-requests", "POST /api/applications/{applicationId}/decision",
            "POST /api/applications/{applicationId}/third-party-requests", "PUT /api/sla/peak-periods", "POST /api/exclusions",
            "POST /api/exclusions/{exclusionId}/lift", "POST /api/exclusions/{exclusionId}/corrections", "POST /api/federal/decisions",
            "POST /api/inspections/findings",
        ];
        foreach (string endpoint in endpoints)
        {
            Assert.Contains(cases, c => $"{c.Method} {c.Path}" == endpoint);
        }

        Assert.True(cases.Count(c => c.IsSubmission) * 2 > cases.Count, "Most cases are submissions.");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task A_bad_input_gets_its_4xx_problem_stores_nothing_and_the_host_keeps_serving(string file)
    {
        BadInputCase @case = BadInputCase.Load(file);
        PermitHost host = fixture.Host;
        var placeholders = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["{applicationId}"] = fixture.ApplicationId,
            ["{handoffId}"] = fixture.HandoffId,
            ["{unknownApplicationId}"] = ApplicationIds.Derive(DefaultApplicant, "never-submitted-" + Guid.NewGuid().ToString("N")),
            ["{exclusionId}"] = "EXC-NEVER-PROPOSED",
        };
        byte[] body = @case.Body(placeholders, out JsonNode? json, out List<string> hostile);
        StorageState before = await fixture.StateAsync();

        using HttpRequestMessage request = new(@case.Method, BadInputCase.Substitute(@case.Path, placeholders)) { Content = new ByteArrayContent(body) };
        if (@case.ContentType is not null)
        {
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(@case.ContentType);
        }

        if (@case.Signed)
        {
            (string timestamp, string signature) = FederalWebhookSignature.Sign(body, PermitHostOptions.WebhookSecret, DateTimeOffset.UtcNow);
            request.Content.Headers.Add(FederalWebhookSignature.TimestampHeader, timestamp);
            request.Content.Headers.Add(FederalWebhookSignature.SignatureHeader, signature);
        }

        // A careful client sends a large body only once the server agreed to take it; without, a refusal mid-upload
        // may reach the client as a reset connection instead of the problem.
        request.Headers.ExpectContinue = body.Length > 64 * 1024;

        using HttpResponseMessage response = await this.Caller(@case, json).Http.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        string where = $"{file} ({@case.Why}) answered {(int)response.StatusCode}: {(text.Length > 2000 ? text[..2000] + "..." : text)}";

        // Exactly the expected 4xx, as problem+json whose status is the response's.
        Assert.True(@case.ExpectStatus == (int)response.StatusCode, where);
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", where);
        JsonElement problem = JsonDocument.Parse(text).RootElement;
        Assert.True(problem.GetProperty("status").GetInt32() == @case.ExpectStatus, where);
        Assert.True(text.Length <= MaxProblemBytes, $"{where[..Math.Min(where.Length, 300)]}: the problem is {text.Length} bytes");
        if (@case.ExpectDetail is string detail)
        {
            Assert.True(problem.TryGetProperty("detail", out JsonElement said) && said.GetString()!.Contains(detail, StringComparison.Ordinal), $"{where}: expected the detail to say '{detail}'");
        }

        foreach (string field in @case.ExpectErrors)
        {
            Assert.True(problem.TryGetProperty("errors", out JsonElement errors) && errors.TryGetProperty(field, out _), $"{where}: expected an error at {field}");
        }

        // Nothing repeated back: no long string of the request, none of the strings the case names.
        foreach (string sent in hostile)
        {
            FederalCallbackAbuseTests.AssertNoEcho(text, sent);
        }

        foreach (string marker in @case.MustNotEcho)
        {
            Assert.DoesNotContain(marker, text, StringComparison.OrdinalIgnoreCase);
        }

        // Nothing stored.
        StorageState after = await fixture.StateAsync();
        Assert.Equal(before.Counts, after.Counts);
        Assert.Equal(before.Application, after.Application);
        if (@case.IsSubmission && json is JsonObject submission)
        {
            await this.AssertUnknownAsync(submission);
        }

        // The host keeps serving.
        using HttpResponseMessage health = await host.Api.Http.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("awaiting-decision", (await host.Api.GetAsync(fixture.ApplicationId))["stage"]!.GetValue<string>());
    }

    [Fact]
    public async Task After_the_worst_of_the_corpus_a_valid_submission_is_accepted()
    {
        PermitHost host = fixture.Host;
        var placeholders = new Dictionary<string, string>(StringComparer.Ordinal) { ["{applicationId}"] = fixture.ApplicationId, ["{handoffId}"] = fixture.HandoffId };
        foreach (string name in new[] { "submit-oversized-body-31-mib", "submit-malformed-deep-nesting", "submit-document-total-over-20-mib", "submit-huge-vacancies-array" })
        {
            BadInputCase @case = BadInputCase.Load(name);
            using HttpRequestMessage request = new(@case.Method, @case.Path) { Content = new ByteArrayContent(@case.Body(placeholders, out JsonNode? json, out _)) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.ExpectContinue = true;
            using HttpResponseMessage refused = await this.Caller(@case, json).Http.SendAsync(request);
            Assert.Equal(@case.ExpectStatus, (int)refused.StatusCode);
        }

        // Left waiting for its fee (an hour a policy day: nothing happens to it while the other cases run), once its
        // last step is in the audit log too.
        string applicationId = await host.Api.SubmitAsync(Samples.Load(Samples.HighlySkilled));
        await host.Api.WaitForStageAsync(applicationId, "awaiting-applicant");
        await Eventually.HoldsAsync(
            async () => (await Scenario.TimelineAsync(host, applicationId)).Contains("items-missing"),
            Scenario.StepTimeout,
            $"{applicationId} to record that the fee is due");
    }

    /// <summary>The role each endpoint is called in, so authentication passes and the body is what is judged.</summary>
    ApiClient Caller(BadInputCase @case, JsonNode? json)
    {
        ApiClient api = fixture.Host.Api;
        string path = @case.Path;
        if (@case.IsSubmission)
        {
            return api.As(Roles.Employer, ApplicantScope.Canonical(json?["employer"]?["kbo"] is JsonValue kbo && kbo.GetValueKind() == JsonValueKind.String ? kbo.GetValue<string>() : null) ?? DefaultApplicant);
        }

        return path switch
        {
            _ when path.EndsWith("/documents", StringComparison.Ordinal) || path.EndsWith("/payments", StringComparison.Ordinal) => api.As(Roles.Employer, DefaultApplicant),
            _ when path.EndsWith("/assignment", StringComparison.Ordinal) => api.As(Roles.Manager),
            _ when path.StartsWith("/api/applications/", StringComparison.Ordinal) => api.As(Roles.Caseworker),
            "/api/sla/peak-periods" => api.As(Roles.Manager),
            _ when path.StartsWith("/api/exclusions", StringComparison.Ordinal) => api.As(Roles.Manager),
            "/api/inspections/findings" => api.As(Roles.Inspector),
            _ => api, // the federal webhook: signed, not a token
        };
    }

    /// <summary>The application id the submission would have had is unknown to the ledger, the dossiers, the API and the engine.</summary>
    async Task AssertUnknownAsync(JsonObject submission)
    {
        if (submission["submissionId"] is not JsonValue id || id.GetValueKind() != JsonValueKind.String || string.IsNullOrWhiteSpace(id.GetValue<string>()))
        {
            return;
        }

        string? given = submission["employer"]?["kbo"] is JsonValue k && k.GetValueKind() == JsonValueKind.String ? k.GetValue<string>() : null;
        var keys = new HashSet<string>(StringComparer.Ordinal) { DefaultApplicant };
        if (!string.IsNullOrWhiteSpace(given))
        {
            keys.Add(given);
            if (EnterpriseNumber.IsValid(given, out string normalized))
            {
                keys.Add(normalized);
            }
        }

        foreach (string key in keys)
        {
            string applicationId = ApplicationIds.Derive(key, id.GetValue<string>());
            Assert.False(await fixture.HasSubmissionRowAsync(applicationId), $"{applicationId} has a ledger row");
            Assert.False(await fixture.HasDossierAsync(applicationId), $"{applicationId} has a dossier blob");
            Assert.Null(await fixture.Host.Engine.GetInstanceAsync(applicationId));
            using HttpResponseMessage status = await fixture.Host.Api.As(Roles.Caseworker).Http.GetAsync($"/api/applications/{applicationId}");
            Assert.Equal(HttpStatusCode.NotFound, status.StatusCode);
        }
    }
}

/// <summary>What a case could have changed: row, blob and message counts, instances, and the existing application's state.</summary>
internal sealed record StorageState(SortedDictionary<string, long> Counts, string Application)
{
    public bool SameAs(StorageState other) => this.Counts.SequenceEqual(other.Counts) && this.Application == other.Application;
}

/// <summary>
/// A host of the corpus's own (policy day of an hour: no timer fires while the corpus runs) with one application
/// waiting for the caseworker, for the cases that need an existing application.
/// </summary>
public sealed class BadInputCorpusFixture : IAsyncLifetime
{
    StorageNames names = null!;
    TableServiceClient tables = null!;
    BlobServiceClient blobs = null!;
    QueueServiceClient queues = null!;

    internal PermitHost Host { get; private set; } = null!;

    internal string ApplicationId { get; private set; } = null!;

    internal string HandoffId { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        this.Host = await PermitHost.StartAsync(new PermitHostOptions { PolicyDay = TimeSpan.FromHours(1) });
        string connection = (await TestAzurite.GetAsync()).ConnectionString;
        this.names = new StorageNames(this.Host.Options.Name);
        this.tables = new TableServiceClient(connection);
        this.blobs = new BlobServiceClient(connection);
        this.queues = new QueueServiceClient(connection);
        (string applicationId, string? handoffId) = await Scenario.AtCaseworkerAsync(this.Host, Samples.HighlySkilled);
        this.ApplicationId = applicationId;
        this.HandoffId = handoffId!;

        // Settled: the last steps of reaching the caseworker may still run after the stage shows; the application is
        // quiet once every activity it scheduled has answered (only hour-long timers left) and nothing moves.
        await Eventually.HoldsAsync(
            async () => await this.ActivitiesAnsweredAsync() && (await this.StateAsync()).SameAs(await this.StateAsync()),
            Scenario.StepTimeout,
            "the corpus host to be quiet");
    }

    /// <summary>Every activity the existing application scheduled has completed or failed, by its history rows.</summary>
    async Task<bool> ActivitiesAnsweredAsync()
    {
        int scheduled = 0, answered = 0;
        TableClient history = this.tables.GetTableClient(this.Host.Options.Name + "History");
        await foreach (TableEntity row in history.QueryAsync<TableEntity>(e => e.PartitionKey == this.ApplicationId, select: ["EventType"]))
        {
            switch (row.GetString("EventType"))
            {
                case "TaskScheduled":
                    scheduled++;
                    break;
                case "TaskCompleted" or "TaskFailed":
                    answered++;
                    break;
            }
        }

        return scheduled > 0 && scheduled == answered;
    }

    public async Task DisposeAsync() => await this.Host.DisposeAsync();

    internal async Task<StorageState> StateAsync()
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        string history = this.Host.Options.Name + "History";
        await foreach (TableItem table in this.tables.QueryAsync())
        {
            // The task hub's history grows with every step of any instance: only the existing application's counts here.
            if (table.Name == history)
            {
                long steps = 0;
                await foreach (TableEntity _ in this.tables.GetTableClient(table.Name).QueryAsync<TableEntity>(e => e.PartitionKey == this.ApplicationId, select: ["PartitionKey"]))
                {
                    steps++;
                }

                counts[$"history of {this.ApplicationId}"] = steps;
            }
            else if (table.Name.StartsWith(this.names.Prefix, StringComparison.Ordinal))
            {
                long rows = 0;
                await foreach (TableEntity _ in this.tables.GetTableClient(table.Name).QueryAsync<TableEntity>(select: ["PartitionKey"]))
                {
                    rows++;
                }

                counts[$"table {table.Name}"] = rows;
            }
        }

        string lower = this.names.Prefix.ToLowerInvariant();
        await foreach (Azure.Storage.Blobs.Models.BlobContainerItem container in this.blobs.GetBlobContainersAsync(prefix: lower))
        {
            long blobCount = 0;
            await foreach (Azure.Storage.Blobs.Models.BlobItem _ in this.blobs.GetBlobContainerClient(container.Name).GetBlobsAsync())
            {
                blobCount++;
            }

            counts[$"container {container.Name}"] = blobCount;
        }

        foreach (string queue in new[] { this.names.FederalDecisionsQueue, this.names.FederalDecisionsPoisonQueue, this.names.SlaAlertsQueue })
        {
            counts[$"queue {queue}"] = (await this.queues.GetQueueClient(queue).GetPropertiesAsync()).Value.ApproximateMessagesCount;
        }

        long instances = 0;
        await foreach (OrchestrationMetadata _ in this.Host.Engine.GetAllInstancesAsync(new OrchestrationQuery { PageSize = 100 }))
        {
            instances++;
        }

        counts["instances"] = instances;

        JsonNode status = await this.Host.Api.GetAsync(this.ApplicationId);
        string application = new JsonObject
        {
            ["stage"] = status["stage"]!.DeepClone(),
            ["federalLeg"] = status["federalLeg"]!.DeepClone(),
            ["awaiting"] = status["awaiting"]!.DeepClone(),
            ["decision"] = status["decision"]?.DeepClone(),
            ["timeline"] = status["timeline"]!.DeepClone(),
        }.ToJsonString();
        return new StorageState(counts, application);
    }

    internal async Task<bool> HasSubmissionRowAsync(string applicationId)
    {
        NullableResponse<TableEntity> row = await this.tables.GetTableClient(this.names.SubmissionsTable).GetEntityIfExistsAsync<TableEntity>(applicationId, "submission");
        return row.HasValue;
    }

    internal async Task<bool> HasDossierAsync(string applicationId)
    {
        await foreach (Azure.Storage.Blobs.Models.BlobItem _ in this.blobs.GetBlobContainerClient(this.names.DossiersContainer).GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, applicationId + "/", CancellationToken.None))
        {
            return true;
        }

        return false;
    }
}
