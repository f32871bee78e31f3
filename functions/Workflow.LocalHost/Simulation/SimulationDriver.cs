using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Workflow.Application.Access;
using Workflow.LocalHost.Driving;
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
    readonly ConcurrentDictionary<int, Tracked> applications = new();
    readonly ConcurrentDictionary<int, int> slotsOffered = new();
    readonly ConcurrentDictionary<int, int> slotsUsed = new();
    readonly ConcurrentDictionary<string, byte> decided = new(StringComparer.Ordinal);
    readonly List<BacklogSample> backlog = [];
    readonly Stopwatch clock = new();
    readonly ApiCaller api = new();
    int awaitingCaseworker;

    DrivenHost? driven;

    /// <summary>
    /// Host settings a simulation starts with; the run's own <c>--Section:Key=value</c> settings come later and win.
    /// The engine's idle queues are polled every 200 ms instead of backing off to a second, since most of an event's lag
    /// was that wait. Closed applications' orchestration history is purged within a minute: the figures come from the
    /// case records, not the history, and Azurite scans the whole History table on every history query, so the
    /// history of closed applications would slow every open one.
    /// </summary>
    public static IReadOnlyList<string> HostDefaults { get; } =
    [
        "--Engine:MaxQueuePollingInterval=00:00:00.200",
        "--Retention:HistoryAfter=00:00:01",
        "--Retention:Interval=00:01:00",
    ];

    /// <summary>Starts the host (engine, storage, Kestrel); returns its address and a manager's token, so someone can watch the run.</summary>
    public async Task<(Uri Root, string ManagerToken)> StartAsync(CancellationToken cancellationToken)
    {
        this.driven = await DrivenHost.StartAsync(host, policyDay, DrivenHost.AllSimulatedParties, [.. HostDefaults, .. config.FederalOffice.HostArguments(config.Seed)], configure: null, cancellationToken);
        return (this.driven.Root, this.Token(Roles.Manager, null, "sim-manager", "Simulated manager"));
    }

    /// <summary>A token valid for the whole run (and two hours more), signed with the host's key.</summary>
    string Token(string role, string? applicant, string subject, string name) =>
        this.Host.Token(role, applicant, subject, name, (policyDay * config.MaxDays) + TimeSpan.FromHours(2));

    DrivenHost Host => this.driven ?? throw new InvalidOperationException("Start the host first.");

    /// <summary>Runs to the end (every application decided, or <see cref="SimulationConfig.MaxDays"/>) and returns what it measured.</summary>
    public async Task<SimulationResults> RunAsync(IProgress<SimulationProgress> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        DrivenHost driven = this.Host;
        IReadOnlyList<PlannedApplication> plan = ArrivalSchedule.Plan(config);
        HttpClient manager = driven.Client(this.Token(Roles.Manager, null, "sim-manager", "Simulated manager"));
        HttpClient anonymous = driven.Client(null);
        var employers = SyntheticApplications.Categories.ToDictionary(
            c => c,
            c => driven.Client(this.Token(Roles.Employer, SyntheticApplications.ApplicantOf(c), "sim-employer-" + c, "Simulated employer")),
            StringComparer.Ordinal);
        HttpClient[] caseworkers = [.. Enumerable.Range(1, config.Caseworkers.Count).Select(n =>
            driven.Client(this.Token(Roles.Caseworker, null, $"sim-cw-{n:D2}", $"Simulated caseworker {n}")))];

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
            [.. this.api.Refusals]);
    }

    /// <summary>Stops the host; its task hub and storage stay, to be inspected.</summary>
    public async ValueTask DisposeAsync()
    {
        if (this.driven is not null)
        {
            await this.driven.DisposeAsync();
        }
    }

    /// <summary>Policy days since the run's clock started.</summary>
    double Now => this.clock.Elapsed / policyDay;

    Task UntilAsync(double day, CancellationToken cancellationToken)
    {
        TimeSpan wait = (policyDay * day) - this.clock.Elapsed;
        return wait > TimeSpan.Zero ? Task.Delay(wait, cancellationToken) : Task.CompletedTask;
    }

    /// <summary>One applicant: submits at its moment, pays (on time or late), sends the document it left out.</summary>
    async Task ApplicantAsync(PlannedApplication planned, HttpClient employer, HttpClient anonymous, CancellationToken cancellationToken)
    {
        var tracked = new Tracked(planned);
        this.applications[planned.Number] = tracked;
        await this.UntilAsync(planned.ArrivalDay, cancellationToken);
        JsonObject body = SyntheticApplications.Build(config.Seed, planned, DateOnly.FromDateTime(DateTime.UtcNow));
        double submittedDay = this.Now;
        JsonNode? submitted = await this.api.SendAsync(employer, HttpMethod.Post, "/api/applications", body, cancellationToken);
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
        await this.api.PayFeeAsync(employer, anonymous, tracked.ApplicationId!, $"PAY-{tracked.Planned.Number:D6}", cancellationToken);
    }

    async Task SupplyDocumentAsync(Tracked tracked, HttpClient employer, double day, CancellationToken cancellationToken)
    {
        await this.UntilAsync(day, cancellationToken);
        var body = new JsonObject
        {
            ["documents"] = new JsonArray(SyntheticApplications.Document(SyntheticApplications.DocumentLeftOut(tracked.Planned.Category), string.Create(CultureInfo.InvariantCulture, $"{config.Seed}-{tracked.Planned.Number:D6}-late"))),
        };
        await this.api.SendAsync(employer, HttpMethod.Post, $"/api/applications/{tracked.ApplicationId}/documents", body, cancellationToken);
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

            JsonNode? page = await this.api.SendAsync(
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
        return await this.api.SendAsync(caseworker, HttpMethod.Post, $"/api/applications/{applicationId}/decision", ApiCaller.Decision(applicationId, refuse), cancellationToken) is not null;
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

        if (await this.api.SendAsync(manager, HttpMethod.Put, "/api/sla/peak-periods", new JsonObject { ["periods"] = periods }, cancellationToken) is null)
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
                this.api.ThrowIfHostFailing();
                progress.Report(this.Progress(total));
            }

            await Parallel.ForEachAsync(
                this.applications.Values.Where(a => a.ApplicationId is not null && !a.Closed),
                new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
                async (tracked, ct) =>
                {
                    JsonNode? status = await this.api.SendAsync(reader, HttpMethod.Get, $"/api/applications/{tracked.ApplicationId}", null, ct);
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
            JsonNode? page = await this.api.SendAsync(manager, HttpMethod.Get, path, null, cancellationToken);
            count += page?["items"]?.AsArray().Count ?? 0;
            continuation = page?["continuation"]?.GetValue<string>();
        }
        while (continuation is not null);
        return count;
    }

    /// <summary>The application as its status reads at the end: track, SLA state, decision; times in policy days from the run's start.</summary>
    async Task<ApplicationResult> ReadResultAsync(HttpClient reader, Tracked tracked, CancellationToken cancellationToken)
    {
        JsonNode status = await this.api.SendAsync(reader, HttpMethod.Get, $"/api/applications/{tracked.ApplicationId}", null, cancellationToken)
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
        JsonNode? commands = await this.api.SendAsync(reader, HttpMethod.Get, $"/api/applications/{applicationId}/commands", null, cancellationToken);
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
            JsonNode? page = await this.api.SendAsync(manager, HttpMethod.Get, path, null, cancellationToken);
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
