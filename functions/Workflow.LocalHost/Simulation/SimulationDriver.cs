using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Workflow.Application.Access;
using Workflow.Orchestrations.Domain;

namespace Workflow.LocalHost.Simulation;

/// <summary>
/// Runs a planned simulation on the real local host: starts it in process (real engine on Azurite, its own task hub,
/// the simulated parties opted in, Kestrel on a free loopback port) and drives it through its HTTP API with
/// development tokens, as its users would: employers submit, pay and send what they left out; the caseworker pool
/// claims and decides from the worklist at the moments <see cref="CaseworkerCapacity"/> allows; managers declare the
/// peaks; the host's simulated federal office answers. It measures, it decides nothing of the workflow.
/// </summary>
public sealed class SimulationDriver(SimulationConfig config, SimulationHost host, TimeSpan policyDay) : IAsyncDisposable
{
    /// <summary>The simulated parties the run needs: all of them (the payment provider's checkout, the federal office, the sources).</summary>
    const string SimulatedParties = "authentic-sources,federal-office,payment-provider,exclusions-seed,ebox";

    static readonly TimeSpan HttpTimeout = TimeSpan.FromSeconds(100);

    readonly ConcurrentDictionary<int, Tracked> applications = new();
    readonly ConcurrentDictionary<int, int> slotsOffered = new();
    readonly ConcurrentDictionary<int, int> slotsUsed = new();
    readonly ConcurrentDictionary<string, byte> decided = new(StringComparer.Ordinal);
    readonly List<BacklogSample> backlog = [];
    readonly ConcurrentQueue<string> refusals = new();
    readonly Stopwatch clock = new();
    readonly List<HttpClient> clients = [];
    int awaitingCaseworker;
    int hostFailures;
    string? firstFailure;

    WebApplication? app;
    Uri? root;
    string? signingKey;

    /// <summary>Starts the host (engine, storage, Kestrel); returns its address and a manager's token, so someone can watch the run.</summary>
    public async Task<(Uri Root, string ManagerToken)> StartAsync(CancellationToken cancellationToken)
    {
        this.app = PermitLocalHost.Build([.. this.HostArguments()]);
        await PermitLocalHost.StartAsync(this.app, cancellationToken);
        this.root = PermitLocalHost.ApiRoot(this.app);
        this.signingKey = this.app.Configuration[LocalTokens.SigningKeySetting]!;
        return (this.root, this.Token(Roles.Manager, null, "sim-manager", "Simulated manager"));
    }

    /// <summary>A token valid for the whole run (and two hours more), signed with the host's key.</summary>
    string Token(string role, string? applicant, string subject, string name) =>
        LocalTokens.Issue(this.signingKey!, role, applicant, subject, (policyDay * config.MaxDays) + TimeSpan.FromHours(2), DateTimeOffset.UtcNow, name: name);

    /// <summary>Runs to the end (every application decided, or <see cref="SimulationConfig.MaxDays"/>) and returns what it measured.</summary>
    public async Task<SimulationResults> RunAsync(IProgress<SimulationProgress> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        Uri root = this.root ?? throw new InvalidOperationException("Start the host first.");
        IReadOnlyList<PlannedApplication> plan = ArrivalSchedule.Plan(config);
        try
        {
            HttpClient manager = this.Client(root, this.Token(Roles.Manager, null, "sim-manager", "Simulated manager"));
            HttpClient anonymous = this.Client(root, null);
            var employers = SyntheticApplications.Categories.ToDictionary(
                c => c,
                c => this.Client(root, this.Token(Roles.Employer, SyntheticApplications.ApplicantOf(c), "sim-employer-" + c, "Simulated employer")),
                StringComparer.Ordinal);
            HttpClient[] caseworkers = [.. Enumerable.Range(1, config.Caseworkers.Count).Select(n =>
                this.Client(root, this.Token(Roles.Caseworker, null, $"sim-cw-{n:D2}", $"Simulated caseworker {n}")))];

            bool[] declaredDays = DeclaredPeakDays(config);
            await this.DeclarePeakAsync(manager, declaredDays.Length > 0 && declaredDays[0], cancellationToken);

            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            this.clock.Start();
            Task applicants = Task.WhenAll(plan.Select(p => this.ApplicantAsync(p, employers[p.Category], anonymous, stop.Token)));
            Task pool = this.CaseworkersAsync(caseworkers, stop.Token);
            Task peaks = this.PeaksAsync(manager, declaredDays, stop.Token);
            await this.MonitorAsync(plan.Count, applicants, manager, caseworkers[0], progress, stop.Token);
            await stop.CancelAsync();
            await IgnoreCancellation(pool);
            await IgnoreCancellation(peaks);
            await IgnoreCancellation(applicants);
            double daysRun = this.Now;

            List<ApplicationResult> results = [];
            var latencies = new ConcurrentBag<double>();
            await Parallel.ForEachAsync(
                this.applications.Values.Where(a => a.ApplicationId is not null).OrderBy(a => a.Planned.Number),
                new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
                async (tracked, ct) =>
                {
                    ApplicationResult result = await this.ReadResultAsync(caseworkers[0], tracked, ct);
                    lock (results)
                    {
                        results.Add(result);
                    }

                    foreach (double latency in await this.ReadLatenciesAsync(caseworkers[0], tracked.ApplicationId!, ct))
                    {
                        latencies.Add(latency);
                    }
                });
            IReadOnlyDictionary<string, int> alerts = await this.ReadAlertsAsync(manager, cancellationToken);
            return new SimulationResults(
                config,
                policyDay,
                host.Name,
                [.. results.OrderBy(r => r.Number)],
                [.. this.backlog],
                alerts,
                [.. latencies.Order()],
                this.slotsOffered.Values.Sum(),
                this.slotsUsed.Values.Sum(),
                Math.Round(daysRun, 2),
                plan.Count,
                [.. this.refusals]);
        }
        finally
        {
            foreach (HttpClient client in this.clients)
            {
                client.Dispose();
            }
        }
    }

    /// <summary>Stops the host; its task hub and storage stay, to be inspected.</summary>
    public async ValueTask DisposeAsync()
    {
        if (this.app is not null)
        {
            await this.app.StopAsync(CancellationToken.None);
            await this.app.DisposeAsync();
        }
    }

    /// <summary>The host's settings: the run's own task hub and names, its policy day, its federal office, budgets no run reaches.</summary>
    public IEnumerable<string> HostArguments()
    {
        List<string> arguments =
        [
            "--Http:Port=0",
            $"--Storage:ConnectionString={host.Storage}",
            $"--Storage:NamePrefix={host.Name}",
            $"--Engine:TaskHub={host.Name}",
            $"--Engine:WorkerId={host.Name}",
            string.Create(CultureInfo.InvariantCulture, $"--Workflow:PolicyDayLength={policyDay:c}"),
            $"--Simulations:Enabled={SimulatedParties}",
            // Errors only, so the progress bar stays readable (appsettings.json names these categories at Warning).
            "--Logging:LogLevel:Default=Error",
            "--Logging:LogLevel:DurableTask=Error",
            "--Logging:LogLevel:DurableTask.AzureStorage=Error",
            "--Logging:LogLevel:DurableTask.Core=Error",
            "--Logging:LogLevel:Microsoft.DurableTask=Error",
            "--Logging:LogLevel:Microsoft.AspNetCore=Error",
            "--Logging:LogLevel:Azure=Error",
            "--Logging:LogLevel:Workflow.Adapters.Parties=Error",
            "--RateLimits:Requests:TokenLimit=1000000",
            "--RateLimits:Requests:TokensPerPeriod=1000000",
            "--RateLimits:Submissions:TokenLimit=1000000",
            "--RateLimits:Submissions:TokensPerPeriod=1000000",
        ];
        arguments.AddRange(config.FederalOffice.HostArguments(config.Seed));
        arguments.AddRange(host.Settings);
        return arguments;
    }

    /// <summary>Policy days since the run's clock started.</summary>
    double Now => this.clock.Elapsed / policyDay;

    Task UntilAsync(double day, CancellationToken cancellationToken)
    {
        TimeSpan wait = (policyDay * day) - this.clock.Elapsed;
        return wait > TimeSpan.Zero ? Task.Delay(wait, cancellationToken) : Task.CompletedTask;
    }

    HttpClient Client(Uri root, string? token)
    {
        var client = new HttpClient { BaseAddress = root, Timeout = HttpTimeout };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        this.clients.Add(client);
        return client;
    }

    /// <summary>One applicant: submits at its moment, pays (on time or late), sends the document it left out.</summary>
    async Task ApplicantAsync(PlannedApplication planned, HttpClient employer, HttpClient anonymous, CancellationToken cancellationToken)
    {
        var tracked = new Tracked(planned);
        this.applications[planned.Number] = tracked;
        await this.UntilAsync(planned.ArrivalDay, cancellationToken);
        JsonObject body = SyntheticApplications.Build(config.Seed, planned, DateOnly.FromDateTime(DateTime.UtcNow));
        double submittedDay = this.Now;
        JsonNode? submitted = await this.SendAsync(employer, HttpMethod.Post, "/api/applications", body, cancellationToken);
        if (submitted?["applicationId"]?.GetValue<string>() is not string applicationId)
        {
            return; // refused: counted as never submitted (the final report says how many)
        }

        tracked.SubmittedDay = submittedDay;
        tracked.ApplicationId = applicationId;
        var steps = new List<Task>();
        if (SyntheticApplications.HasFee(planned.Category))
        {
            steps.Add(this.PayAsync(tracked, employer, anonymous, cancellationToken));
        }

        if (planned.MissingDocumentAfterDays is double documentAfter)
        {
            steps.Add(this.SupplyDocumentAsync(tracked, employer, submittedDay + documentAfter, cancellationToken));
        }

        await Task.WhenAll(steps);
    }

    async Task PayAsync(Tracked tracked, HttpClient employer, HttpClient anonymous, CancellationToken cancellationToken)
    {
        await this.UntilAsync(tracked.SubmittedDay + (tracked.Planned.LatePaymentAfterDays ?? 0), cancellationToken);
        string id = tracked.ApplicationId!;
        JsonNode? payment = await this.SendAsync(
            employer, HttpMethod.Post, $"/api/applications/{id}/payments", new JsonObject { ["paymentId"] = $"PAY-{tracked.Planned.Number:D6}" }, cancellationToken);
        if (payment?["details"]?["checkoutUrl"]?.GetValue<string>() is string checkout)
        {
            await this.SendAsync(anonymous, HttpMethod.Post, checkout + "/pay", null, cancellationToken);
        }
    }

    async Task SupplyDocumentAsync(Tracked tracked, HttpClient employer, double day, CancellationToken cancellationToken)
    {
        await this.UntilAsync(day, cancellationToken);
        var body = new JsonObject
        {
            ["documents"] = new JsonArray(SyntheticApplications.Document(SyntheticApplications.DocumentLeftOut(tracked.Planned.Category), string.Create(CultureInfo.InvariantCulture, $"{config.Seed}-{tracked.Planned.Number:D6}-late"))),
        };
        await this.SendAsync(employer, HttpMethod.Post, $"/api/applications/{tracked.ApplicationId}/documents", body, cancellationToken);
    }

    /// <summary>
    /// The pool: at each decision slot that has come, a caseworker takes the unassigned file due first from the
    /// worklist, claims it and approves it (or refuses it, as planned). A slot with nothing waiting is capacity left unused.
    /// </summary>
    async Task CaseworkersAsync(HttpClient[] caseworkers, CancellationToken cancellationToken)
    {
        IReadOnlyList<DecisionSlot> slots = CaseworkerCapacity.Slots(config.Caseworkers, config.MaxDays);
        int next = 0;
        while (next < slots.Count)
        {
            await this.UntilAsync(slots[next].Day, cancellationToken);
            double now = this.Now;
            List<DecisionSlot> batch = [.. slots.Skip(next).TakeWhile(s => s.Day <= now)];
            next += batch.Count;
            foreach (DecisionSlot slot in batch)
            {
                this.slotsOffered.AddOrUpdate((int)slot.Day, 1, (_, n) => n + 1);
            }

            JsonNode? page = await this.SendAsync(
                caseworkers[0], HttpMethod.Get, $"/api/worklist?view=unassigned&pageSize={Math.Clamp(batch.Count + this.decided.Count, 20, 200)}", null, cancellationToken);
            string[] waiting = [.. (page?["items"]?.AsArray() ?? [])
                .Select(i => i?["applicationId"]?.GetValue<string>())
                .OfType<string>()
                .Where(id => !this.decided.ContainsKey(id))];
            Volatile.Write(ref this.awaitingCaseworker, waiting.Length);
            bool[] taken = await Task.WhenAll(batch.Zip(waiting).Select(pair => this.DecideAsync(caseworkers[pair.First.Caseworker], pair.Second, cancellationToken)));
            foreach ((DecisionSlot slot, bool took) in batch.Zip(taken))
            {
                if (took)
                {
                    this.slotsUsed.AddOrUpdate((int)slot.Day, 1, (_, n) => n + 1);
                }
            }
        }
    }

    async Task<bool> DecideAsync(HttpClient caseworker, string applicationId, CancellationToken cancellationToken)
    {
        if (!this.decided.TryAdd(applicationId, 0))
        {
            return false;
        }

        using HttpResponseMessage claim = await caseworker.PostAsync($"/api/applications/{applicationId}/assignment/claim", null, cancellationToken);
        if (!claim.IsSuccessStatusCode)
        {
            this.decided.TryRemove(applicationId, out _);
            return false;
        }

        bool refuse = this.applications.Values.FirstOrDefault(t => t.ApplicationId == applicationId)?.Planned.RefusedByCaseworker ?? false;
        var decision = new JsonObject
        {
            ["decisionId"] = "DEC-" + applicationId[^8..],
            ["verdict"] = refuse ? "refuse" : "approve",
            ["grounds"] = refuse ? new JsonArray(DecisionGrounds.ConditionsNotMet.Code) : new JsonArray(),
            ["motivation"] = refuse ? "Simulated decision: the conditions of the category are not met." : "Simulated decision: the conditions of the category are met.",
        };
        return await this.SendAsync(caseworker, HttpMethod.Post, $"/api/applications/{applicationId}/decision", decision, cancellationToken) is not null;
    }

    /// <summary>Declares the peak as the run enters a declared peak day, lifts it as it leaves.</summary>
    async Task PeaksAsync(HttpClient manager, bool[] declaredDays, CancellationToken cancellationToken)
    {
        for (int day = 1; day < declaredDays.Length; day++)
        {
            if (declaredDays[day] != declaredDays[day - 1])
            {
                await this.UntilAsync(day, cancellationToken);
                await this.DeclarePeakAsync(manager, declaredDays[day], cancellationToken);
            }
        }
    }

    /// <summary>Which days of the period (and the day after it) lie in a declared peak.</summary>
    static bool[] DeclaredPeakDays(SimulationConfig config) =>
        [.. Enumerable.Range(0, config.PeriodDays + 1).Select(d => config.Peaks.Any(p => p.Declared && p.Covers(d)))];

    /// <summary>
    /// Policy time and real time coincide at submission, so every file of the run is submitted on today's date: the
    /// declared period spans today (and a margin for a run across midnight) while the run is in a peak, none otherwise.
    /// </summary>
    async Task DeclarePeakAsync(HttpClient manager, bool inPeak, CancellationToken cancellationToken)
    {
        DateOnly today = DateOnly.FromDateTime(DateTime.UtcNow);
        var periods = new JsonArray();
        if (inPeak)
        {
            periods.Add(new JsonObject
            {
                ["from"] = today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["to"] = today.AddDays(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["label"] = "simulated peak",
            });
        }

        if (await this.SendAsync(manager, HttpMethod.Put, "/api/sla/peak-periods", new JsonObject { ["periods"] = periods }, cancellationToken) is null)
        {
            throw new InvalidOperationException("The host refused the peak periods the run declares.");
        }
    }

    /// <summary>At the end of each policy day: which files closed, the backlog, progress; until all are decided or the run's last day.</summary>
    async Task MonitorAsync(int total, Task applicants, HttpClient manager, HttpClient reader, IProgress<SimulationProgress> progress, CancellationToken cancellationToken)
    {
        for (int day = 0; ; day++)
        {
            // Progress twenty times a day; the backlog once, at the day's end.
            for (int tick = 1; tick <= 20; tick++)
            {
                await this.UntilAsync(day + (tick / 20.0), cancellationToken);
                this.ThrowIfHostFailing();
                progress.Report(this.Progress(total));
            }

            await Parallel.ForEachAsync(
                this.applications.Values.Where(a => a.ApplicationId is not null && !a.Closed),
                new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
                async (tracked, ct) =>
                {
                    JsonNode? status = await this.SendAsync(reader, HttpMethod.Get, $"/api/applications/{tracked.ApplicationId}", null, ct);
                    tracked.Closed = status?["stage"]?.GetValue<string>() == "closed";
                });
            int open = this.applications.Values.Count(a => a.ApplicationId is not null && !a.Closed);
            int submitted = this.applications.Values.Count(a => a.ApplicationId is not null);
            int awaiting = await this.CountWorklistAsync(manager, cancellationToken);
            Volatile.Write(ref this.awaitingCaseworker, awaiting);
            lock (this.backlog)
            {
                this.backlog.Add(new BacklogSample(
                    day, submitted, open, awaiting, this.slotsOffered.GetValueOrDefault(day), this.slotsUsed.GetValueOrDefault(day)));
            }

            progress.Report(this.Progress(total));
            if ((applicants.IsCompleted && open == 0) || day + 1 >= config.MaxDays)
            {
                return;
            }
        }
    }

    SimulationProgress Progress(int total) => new(
        Math.Round(this.Now, 2),
        config.MaxDays,
        this.applications.Values.Count(a => a.ApplicationId is not null),
        this.applications.Values.Count(a => a.Closed),
        total,
        Volatile.Read(ref this.awaitingCaseworker));

    async Task<int> CountWorklistAsync(HttpClient manager, CancellationToken cancellationToken)
    {
        int count = 0;
        string? continuation = null;
        do
        {
            string path = "/api/worklist?view=all&pageSize=200" + (continuation is null ? "" : "&continuation=" + Uri.EscapeDataString(continuation));
            JsonNode? page = await this.SendAsync(manager, HttpMethod.Get, path, null, cancellationToken);
            count += page?["items"]?.AsArray().Count ?? 0;
            continuation = page?["continuation"]?.GetValue<string>();
        }
        while (continuation is not null);
        return count;
    }

    /// <summary>The application as its status reads at the end: track, SLA state, decision; times in policy days from the run's start.</summary>
    async Task<ApplicationResult> ReadResultAsync(HttpClient reader, Tracked tracked, CancellationToken cancellationToken)
    {
        JsonNode status = await this.SendAsync(reader, HttpMethod.Get, $"/api/applications/{tracked.ApplicationId}", null, cancellationToken)
            ?? throw new InvalidOperationException($"The status of {tracked.ApplicationId} could not be read.");
        JsonNode sla = status["sla"]!;
        bool closed = status["stage"]!.GetValue<string>() == "closed";
        double? lead = null;
        if (closed && status["decision"]?["decidedAt"] is JsonNode decidedAt)
        {
            // The status's times are policy time, which coincides with real time at submission: their difference is in policy days.
            lead = Math.Round((Time(decidedAt) - Time(status["submittedAt"]!)).TotalDays, 3);
        }

        return new ApplicationResult(
            tracked.Planned.Number,
            tracked.ApplicationId!,
            status["category"]!.GetValue<string>(),
            sla["track"]!.GetValue<string>(),
            sla["inPeakPeriod"]?.GetValue<bool>() ?? false,
            Math.Round(tracked.SubmittedDay, 3),
            lead is double l ? Math.Round(tracked.SubmittedDay + l, 3) : null,
            lead,
            Math.Round(sla["clockDays"]?.GetValue<double>() ?? 0, 3),
            sla["state"]!.GetValue<string>(),
            lead is null ? "open" : status["decision"]?["outcome"]?.GetValue<string>() ?? "closed");
    }

    /// <summary>
    /// Event → workflow latency: for each command raised on the workflow (payment callbacks, documents, decisions,
    /// federal messages), the time from its receipt by the API to the workflow settling its fate, both real times on
    /// the command's record. A payment start is settled by the API itself and says nothing of the engine.
    /// </summary>
    async Task<IEnumerable<double>> ReadLatenciesAsync(HttpClient reader, string applicationId, CancellationToken cancellationToken)
    {
        JsonNode? commands = await this.SendAsync(reader, HttpMethod.Get, $"/api/applications/{applicationId}/commands", null, cancellationToken);
        return (commands?.AsArray() ?? [])
            .Where(c => c?["command"]?["kind"]?.GetValue<string>() != "payment" && c?["settledAt"] is not null && c["receivedAt"] is not null)
            .Select(c => Math.Max(0, (Time(c!["settledAt"]!) - Time(c["receivedAt"]!)).TotalSeconds))
            .ToList();
    }

    /// <summary>Delivered alerts counted by milestone and audience.</summary>
    async Task<IReadOnlyDictionary<string, int>> ReadAlertsAsync(HttpClient manager, CancellationToken cancellationToken)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        string? continuation = null;
        do
        {
            string path = "/api/alerts?pageSize=200" + (continuation is null ? "" : "&continuation=" + Uri.EscapeDataString(continuation));
            JsonNode? page = await this.SendAsync(manager, HttpMethod.Get, path, null, cancellationToken);
            foreach (JsonNode? item in page?["items"]?.AsArray() ?? [])
            {
                string kind = $"{item?["alert"]?["milestone"]?.GetValue<string>()} → {item?["alert"]?["audience"]?.GetValue<string>()}";
                counts[kind] = counts.GetValueOrDefault(kind) + 1;
            }

            continuation = page?["continuation"]?.GetValue<string>();
        }
        while (continuation is not null);
        return counts;
    }

    /// <summary>
    /// Sends as a careful client: a 409 with Retry-After (still registering), a 429, a 5xx or no connection is tried
    /// again after a pause (five tries in all); returns the answer's JSON on success, null on a refusal. A host that
    /// keeps failing ends the run (<see cref="MaxHostFailures"/>): its lead times would be meaningless.
    /// </summary>
    async Task<JsonNode?> SendAsync(HttpClient client, HttpMethod method, string path, JsonNode? body, CancellationToken cancellationToken)
    {
        for (int attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, path);
            if (body is not null)
            {
                request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
            }

            HttpResponseMessage response;
            try
            {
                response = await client.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException e)
            {
                if (attempt < 5)
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                    continue;
                }

                this.HostFailed($"{method} {PathShape(path)}: {e.Message}");
                return null;
            }

            using (response)
            {
                bool retry = response.StatusCode is HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500
                    || (response.StatusCode == HttpStatusCode.Conflict && response.Headers.RetryAfter is not null);
                if (retry && attempt < 5)
                {
                    await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1), cancellationToken);
                    continue;
                }

                if (!response.IsSuccessStatusCode)
                {
                    // Kept for the report: a refusal the run did not expect is a finding (or a fault of the run).
                    string problem = await response.Content.ReadAsStringAsync(cancellationToken);
                    string refusal = $"{method} {PathShape(path)}: {(int)response.StatusCode} {problem[..Math.Min(problem.Length, 300)]}";
                    if ((int)response.StatusCode >= 500)
                    {
                        this.HostFailed(refusal);
                    }

                    this.refusals.Enqueue(refusal);
                    return null;
                }

                string text = await response.Content.ReadAsStringAsync(cancellationToken);
                return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text);
            }
        }
    }

    /// <summary>How many requests may fail on the host's side (5xx, no connection, after retries) before the run is abandoned.</summary>
    const int MaxHostFailures = 20;

    void HostFailed(string failure)
    {
        this.refusals.Enqueue(failure);
        if (Interlocked.Increment(ref this.hostFailures) == MaxHostFailures)
        {
            this.firstFailure = failure;
        }
    }

    /// <summary>Throws when the host failed too often: storage gone, the engine down.</summary>
    void ThrowIfHostFailing()
    {
        if (Volatile.Read(ref this.hostFailures) >= MaxHostFailures)
        {
            throw new SimulationAbortedException(
                $"the host failed {this.hostFailures} requests after retries (e.g. {this.firstFailure}); is storage reachable? The run is abandoned: its figures would measure the failure.");
        }
    }

    /// <summary>The path without ids and query, so refusals group by endpoint.</summary>
    static string PathShape(string path) =>
        string.Join('/', path.Split('?')[0].Split('/').Select(part => part.StartsWith("wp-", StringComparison.Ordinal) ? "{id}" : part));

    static DateTimeOffset Time(JsonNode node) => DateTimeOffset.Parse(node.GetValue<string>(), CultureInfo.InvariantCulture);

    static async Task IgnoreCancellation(Task task)
    {
        try
        {
            await task;
        }
        catch (OperationCanceledException)
        {
            // the run ended while it waited: expected
        }
    }

    /// <summary>An application of the run as the driver follows it.</summary>
    sealed class Tracked(PlannedApplication planned)
    {
        public PlannedApplication Planned { get; } = planned;

        public string? ApplicationId { get; set; }

        public double SubmittedDay { get; set; }

        public bool Closed { get; set; }
    }
}
