using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Workflow.Application.Access;
using Workflow.FunctionalTests.Infrastructure;

namespace Workflow.FunctionalTests.Reliability;

/// <summary>
/// Crashes: the local host runs as a separate process on Azurite with the simulated federal office; the test submits
/// applications, pays, decides as caseworkers, and kills the host with SIGKILL at random moments, starting a new one
/// (another worker id) each time. At the end every application has exactly one decision, one letter (delivered once to
/// the employer's e-Box) and one notification per party, every alert fired once and reached its audience once, and none
/// is stuck.
/// Size: PERMIT_CRASH_APPLICATIONS (default 60, so the suite stays quick) and PERMIT_CRASH_KILLS (default 5); the full
/// run of the issue is <c>PERMIT_CRASH_APPLICATIONS=200 ./scripts/run-tests.sh --filter "FullyQualifiedName~CrashTests"</c>.
/// </summary>
[Collection(HeavyTests.Name)]
public sealed class CrashTests
{
    static readonly int Applications = Setting("PERMIT_CRASH_APPLICATIONS", 60);
    static readonly int Kills = Setting("PERMIT_CRASH_KILLS", 5);

    /// <summary>How long the run may take before it counts as stuck: it grows with the size (a bound for failure, not a speed target).</summary>
    static readonly TimeSpan Patience = TimeSpan.FromMinutes(5) + (Applications * TimeSpan.FromSeconds(4));

    static PermitHostOptions Options() => new()
    {
        PolicyDay = TimeSpan.FromSeconds(2),
        FederalOffice = "Simulated",
        Extra = new Dictionary<string, string?> { ["Engine:LeaseInterval"] = "00:00:09" },
    };

    [Fact]
    public async Task Applications_survive_repeated_SIGKILLs_with_exactly_one_decision_letter_and_notification_each()
    {
        PermitHostOptions options = Options();
        var random = new Random(20261129);
        await using var hosts = new HostRing(options);
        await hosts.StartNextAsync();
        var applications = new ConcurrentDictionary<string, JsonObject>(StringComparer.Ordinal);
        using var done = new CancellationTokenSource();

        Task caseworker = Task.Run(() => CaseworkerAsync(hosts, applications, done.Token));
        Task killer = Task.Run(async () =>
        {
            for (int kill = 0; kill < Kills; kill++)
            {
                await Task.Delay(TimeSpan.FromSeconds(6 + random.Next(10))); // a random moment of the run: the scenario's input
                await hosts.KillAndRestartAsync();
            }
        });

        string[] categories = [Samples.WorkCard, Samples.HighlySkilled, Samples.MediumSkilledShortage, Samples.ProfessionalCard, Samples.Other];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, Applications),
            new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (i, _) =>
            {
                JsonObject application = Samples.Load(categories[i % categories.Length]);
                string applicationId = await Retry(hosts, api => SubmitAsync(api, application));
                applications[applicationId] = application;
                if (application["category"]!.GetValue<string>() != Samples.WorkCard)
                {
                    await Retry(hosts, api => PayAsync(api, applicationId, application));
                }
            });

        await killer;
        Assert.Equal(Kills, hosts.Kills);

        // Everything closes; then the books are checked, application by application.
        await AllClosedAsync(hosts, applications.Keys);
        await done.CancelAsync();
        await caseworker;

        foreach (string applicationId in applications.Keys)
        {
            await AssertBooksAsync(hosts, applicationId, applications[applicationId]);
        }
    }

    [Fact]
    public async Task When_one_of_two_hosts_on_a_task_hub_dies_the_other_takes_over_its_partitions_and_finishes_its_applications()
    {
        PermitHostOptions options = Options();
        await using HostProcess first = await HostProcess.StartAsync(options, workerId: "twin-a");
        await using HostProcess second = await HostProcess.StartAsync(options, workerId: "twin-b");
        var storage = new StorageProbe((await TestAzurite.GetAsync()).ConnectionString, options.Name);

        // The two workers share the four partitions.
        await Eventually.HoldsAsync(
            async () => (await OwnersAsync(storage, options.Name)).Distinct().Count() == 2,
            Patience,
            "both workers to own partitions");

        var applications = new List<string>();
        for (int i = 0; i < 24; i++)
        {
            applications.Add(await second.Api.SubmitAsync(Samples.Load(Samples.WorkCard)));
        }

        foreach (string applicationId in applications)
        {
            await second.Api.WaitForStageAsync(applicationId, "awaiting-decision", Patience);
        }

        await first.KillAsync();
        foreach (string applicationId in applications)
        {
            await second.Api.DecideAsync(applicationId, "approve");
        }

        // After the dead worker's leases expire, the survivor owns every partition and finishes every application.
        await Eventually.HoldsAsync(
            async () => (await OwnersAsync(storage, options.Name)).All(owner => owner == "twin-b"),
            Patience,
            "the survivor to own every partition");
        foreach (string applicationId in applications)
        {
            JsonNode closed = await second.Api.WaitForStageAsync(applicationId, "closed", Patience);
            Assert.Equal("granted", closed["decision"]!["outcome"]!.GetValue<string>());
        }
    }

    /// <summary>The caseworkers: decide every open file on the worklist (one in seven refused), again after each crash.</summary>
    static async Task CaseworkerAsync(HostRing hosts, ConcurrentDictionary<string, JsonObject> applications, CancellationToken done)
    {
        while (!done.IsCancellationRequested)
        {
            try
            {
                JsonNode worklist = JsonNode.Parse(await hosts.Api.As(Roles.Caseworker).Http.GetStringAsync("/api/worklist?pageSize=200", done))!;
                foreach (JsonNode? item in worklist["items"]!.AsArray())
                {
                    string applicationId = item!["applicationId"]!.GetValue<string>();
                    if (applications.ContainsKey(applicationId) && !item["informationRequested"]!.GetValue<bool>())
                    {
                        await DecideAsync(hosts.Api, applicationId);
                    }
                }

                await Task.Delay(300, done); // the caseworker's pace between two looks at the worklist
            }
            catch (OperationCanceledException) when (done.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (HostDied(e))
            {
                await hosts.WaitForLiveHostAsync();
            }
        }
    }

    /// <summary>A submission cut off by a kill is retried; while the dead request's registration is not overdue, the host says when to come back.</summary>
    static async Task<string> SubmitAsync(ApiClient api, JsonObject application)
    {
        using HttpResponseMessage response = await ApiClient.HonouringRetryAfterAsync(() => api.AsApplicant(application).PostJsonAsync("/api/applications", application), Patience);
        Assert.True(response.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.OK, $"submission answered {(int)response.StatusCode}");
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["applicationId"]!.GetValue<string>();
    }

    /// <summary>
    /// One payment id per application: a retry after a crash is the same payment (200 with the same checkout), not a
    /// second one; then the payer pays at the provider's checkout, which confirms with the same event each time.
    /// </summary>
    static async Task<bool> PayAsync(ApiClient api, string applicationId, JsonObject application)
    {
        using HttpResponseMessage response = await ApiClient.HonouringRetryAfterAsync(
            () => api.AsApplicant(application).PostJsonAsync(
                $"/api/applications/{applicationId}/payments",
                new JsonObject { ["paymentId"] = $"PAY-{applicationId}", ["amount"] = 200, ["currency"] = "EUR" }),
            Patience);
        Assert.True(response.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.OK, $"payment answered {(int)response.StatusCode}");
        string checkout = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["details"]!["checkoutUrl"]!.GetValue<string>();
        using HttpResponseMessage paid = await api.Http.PostAsync(new Uri(checkout + "/pay", UriKind.Relative), null);
        Assert.True(paid.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.OK, $"the provider's confirmation answered {(int)paid.StatusCode}");
        return true;
    }

    /// <summary>One decision id per application: the first is accepted (202), a retry is answered from its record (200), or finds the decision taken (409).</summary>
    static async Task DecideAsync(ApiClient api, string applicationId)
    {
        bool refuse = applicationId.GetHashCode(StringComparison.Ordinal) % 7 == 0;
        using HttpResponseMessage response = await api.As(Roles.Caseworker).PostJsonAsync(
            $"/api/applications/{applicationId}/decision",
            new JsonObject
            {
                ["decisionId"] = $"DEC-{applicationId}",
                ["verdict"] = refuse ? "refuse" : "approve",
                ["grounds"] = refuse ? new JsonArray("category-conditions-not-met") : new JsonArray(),
                ["motivation"] = "Decided by the crash test's caseworker.",
            });
        Assert.True(response.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.OK or HttpStatusCode.Conflict, $"decision answered {(int)response.StatusCode}");
    }

    /// <summary>Waits until every application is closed; on timeout, says where the others are stuck.</summary>
    static async Task AllClosedAsync(HostRing hosts, ICollection<string> applicationIds)
    {
        DateTime deadline = DateTime.UtcNow + Patience;
        var stages = new Dictionary<string, string>(StringComparer.Ordinal);
        while (true)
        {
            try
            {
                foreach (string applicationId in applicationIds.Where(id => stages.GetValueOrDefault(id) != "closed"))
                {
                    stages[applicationId] = (await hosts.Api.GetAsync(applicationId))["stage"]!.GetValue<string>();
                }
            }
            catch (Exception e) when (HostDied(e))
            {
                await hosts.WaitForLiveHostAsync();
                continue;
            }

            string[] open = [.. stages.Where(s => s.Value != "closed").Select(s => s.Key)];
            if (open.Length == 0)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                string histogram = string.Join(", ", stages.Values.GroupBy(v => v).Select(g => $"{g.Key}: {g.Count()}"));
                JsonNode stuck = await hosts.Api.GetAsync(open[0]);
                string timeline = string.Join(" > ", stuck["timeline"]!.AsArray().Select(e => e!["event"]!.GetValue<string>()));
                EngineAndIndex where = await hosts.Storage.EngineAndIndexAsync(open[0]);
                Assert.Fail($"{open.Length} applications did not close ({histogram}). {open[0]}: {timeline} ({where})");
            }

            await Task.Delay(1000); // polling the status of hundreds of applications: once a second is plenty
        }
    }

    static async Task AssertBooksAsync(HostRing hosts, string applicationId, JsonObject application)
    {
        JsonNode status = await hosts.Api.GetAsync(applicationId);
        List<string> timeline = [.. status["timeline"]!.AsArray().Select(e => e!["event"]!.GetValue<string>())];
        string books = $"{applicationId}: {string.Join(" > ", timeline)}"; // the whole timeline when a count is off
        Assert.True(timeline.Count(e => e == "decided") == 1, books);
        Assert.True(timeline.Count(e => e == "closed") == 1, books);
        Assert.True(timeline.Count(e => e == "caseworker-decided") <= 1, $"two caseworker decisions: {books}");
        EngineAndIndex where = await hosts.Storage.EngineAndIndexAsync(applicationId); // the engine and the index agree: it ended
        Assert.True(where is { RuntimeStatus: "Completed", IndexStage: "closed" }, $"{books} ({where})");
        Assert.True(timeline.Count(e => e == "federal-decided") <= 1, $"two federal decisions: {books}");

        using HttpResponseMessage letter = await hosts.Api.As(Roles.Caseworker).Http.GetAsync($"/api/applications/{applicationId}/letter");
        Assert.Equal(HttpStatusCode.OK, letter.StatusCode);

        StorageProbe storage = hosts.Storage;
        int parties = application["category"]!.GetValue<string>() == Samples.ProfessionalCard ? 1 : 2;
        List<TableEntity> decisions = [.. (await storage.NotificationsAsync(applicationId)).Where(n => n.GetString("Kind") == "decision")];
        Assert.Equal(parties, decisions.Count);
        Assert.Equal(parties, decisions.Select(n => n.GetString("Party")).Distinct().Count());

        // The employer's letter reached its e-Box once, whatever was killed in between (a self-employed applicant has none).
        Assert.Equal(parties - 1, (await storage.RowsAsync("SimulatedEBox", applicationId)).Count);

        // Each alert: one outbox row, recorded once as published, delivered once to its audience. The workflow's own
        // "milestone-" record is at most one: an execution lost in a kill may have published an alert that the
        // replayed history never fires (its messages came back in another order), and only the publication says so.
        List<TableEntity> outbox = await storage.OutboxAsync(applicationId);
        List<JsonNode> entries = [.. status["timeline"]!.AsArray().Select(e => e!)];
        foreach (TableEntity alert in outbox)
        {
            Assert.Equal(1, entries.Count(e => e["event"]!.GetValue<string>() == "alert-published" && e["details"]?["milestone"]?.GetValue<string>() == alert.RowKey));
            Assert.True(timeline.Count(e => e == $"milestone-{alert.RowKey}") <= 1, $"{applicationId}: milestone {alert.RowKey} fired twice");
            Assert.True(alert.GetBoolean("Dispatched"), $"{applicationId}: alert {alert.RowKey} never left the outbox");
        }

        Assert.All(
            timeline.Where(e => e.StartsWith("milestone-", StringComparison.Ordinal)),
            fired => Assert.Contains(outbox, alert => fired == $"milestone-{alert.RowKey}"));

        await Eventually.HoldsAsync(
            async () => (await storage.DeliveredAlertsAsync(applicationId)).Count == outbox.Count,
            Scenario.StepTimeout,
            $"the alerts of {applicationId} to reach their audience");
        Assert.Equal(outbox.Select(o => o.RowKey).Order(), (await storage.DeliveredAlertsAsync(applicationId)).Select(d => d.RowKey).Order());
    }

    static async Task<List<string>> OwnersAsync(StorageProbe storage, string taskHub)
    {
        var owners = new List<string>();
        await foreach (TableEntity lease in storage.Table("Partitions").QueryAsync<TableEntity>())
        {
            owners.Add(lease.GetString("CurrentOwner") ?? string.Empty);
        }

        Assert.Equal($"{taskHub}Partitions", storage.Table("Partitions").Name);
        return owners;
    }

    /// <summary>Runs a request against whichever host is alive, waiting out a crash and retrying.</summary>
    static async Task<T> Retry<T>(HostRing hosts, Func<ApiClient, Task<T>> request)
    {
        DateTime deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            try
            {
                return await request(hosts.Api);
            }
            catch (Exception e) when (HostDied(e) && DateTime.UtcNow < deadline)
            {
                await hosts.WaitForLiveHostAsync();
            }
        }
    }

    /// <summary>
    /// The request failed because its host was killed: refused or cut off, or its client disposed with the dead host
    /// while the request waited out a Retry-After.
    /// </summary>
    static bool HostDied(Exception e) => e is HttpRequestException or TaskCanceledException or ObjectDisposedException;

    static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value > 0 ? value : fallback;

    /// <summary>The host process of the moment: killed and replaced by a fresh one (a new worker id) on demand.</summary>
    sealed class HostRing(PermitHostOptions options) : IAsyncDisposable
    {
        readonly SemaphoreSlim gate = new(1, 1);
        HostProcess? current;
        TaskCompletionSource live = new(TaskCreationOptions.RunContinuationsAsynchronously);
        int generation;

        public int Kills { get; private set; }

        public ApiClient Api => this.current?.Api ?? throw new InvalidOperationException("No host is running.");

        public StorageProbe Storage { get; } = new(TestAzurite.GetAsync().GetAwaiter().GetResult().ConnectionString, options.Name);

        public async Task StartNextAsync()
        {
            this.current = await HostProcess.StartAsync(options, workerId: $"crash-{++this.generation}");
            this.live.TrySetResult();
        }

        /// <summary>SIGKILL, then a new process on the same task hub and storage.</summary>
        public async Task KillAndRestartAsync()
        {
            await this.gate.WaitAsync();
            try
            {
                this.live = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                HostProcess dead = this.current!;
                await dead.KillAsync();
                this.Kills++;
                await this.StartNextAsync();
                await dead.DisposeAsync();
            }
            finally
            {
                this.gate.Release();
            }
        }

        /// <summary>Waits until a host serves again (a request failed because the one in use died), then a moment more.</summary>
        public async Task WaitForLiveHostAsync()
        {
            await this.live.Task.WaitAsync(Patience);
            await Task.Delay(200); // a request failed against a live host: do not hammer it
        }

        public async ValueTask DisposeAsync()
        {
            if (this.current is not null)
            {
                await this.current.DisposeAsync();
            }

            this.gate.Dispose();
        }
    }
}
