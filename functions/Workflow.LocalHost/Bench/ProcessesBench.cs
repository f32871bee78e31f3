using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using DurableTask.AzureStorage;
using Spectre.Console;
using Workflow.Application.Access;
using Workflow.LocalHost.Driving;
using Workflow.LocalHost.Simulation;
using Workflow.Orchestrations.Domain;

namespace Workflow.LocalHost.Bench;

/// <summary>
/// The full workflow on several host processes on one task hub (issue 11, part 3): the processes are this program
/// started anew (<see cref="BenchHostProcess"/>), each with its own worker id, on storage seen through the counting
/// proxy. The bench submits and pays through them in turn, reads the engine's instance table directly (not counted)
/// to decide as the caseworker as soon as a case awaits it and to see it complete, and looks at the partition table
/// each second to record who held what. With --kill-one, one process is SIGKILLed once half the applications have
/// completed; the others must finish everything, each application decided exactly once.
/// </summary>
public static class ProcessesBench
{
    const int Seed = 11;

    /// <summary>With --kill-one: a killed worker's partitions and messages come back within seconds (as in the crash tests).</summary>
    public static readonly IReadOnlyList<string> KillSettings =
    [
        "--Engine:LeaseInterval=00:00:09",
        "--Engine:ControlQueueVisibilityTimeout=00:00:20",
        "--Engine:WorkItemQueueVisibilityTimeout=00:00:20",
        "--Workflow:SubmissionTakeOverAfter=00:00:15",
    ];

    public static async Task<ProcessesResults> RunAsync(BenchOptions options, string storage, AzuriteServer? azurite, IAnsiConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(console);
        int count = options.Processes ?? 1;
        DateTimeOffset startedAt = DateTimeOffset.UtcNow;
        await using StorageCountingProxy proxy = await StorageCountingProxy.StartAsync(StorageEndpoints.Parse(storage), cancellationToken);
        string name = SimulationHost.NewName(startedAt, "bench");
        var host = new SimulationHost(name, proxy.ProxiedConnectionString, options.Settings);
        string[] engineSettings = options.KillOne ? [.. KillSettings] : [];
        string[] arguments =
        [
            .. DrivenHost.Arguments(host, options.PolicyDay, DrivenHost.AllSimulatedParties),
            .. BenchRunner.FederalOfficeAnsweringAtOnce.HostArguments(Seed),
            .. engineSettings,
            .. options.Settings,
        ];
        console.MarkupLineInterpolated(CultureInfo.InvariantCulture,
            $"Bench, {count} host processes on task hub {name}: {options.Applications} applications, {options.InFlight} in flight{(options.KillOne ? ", one process SIGKILLed half-way" : string.Empty)}; {Environment.ProcessorCount} cores.");

        var hosts = new List<BenchHostProcess>();
        try
        {
            using var run = new Run(options, name, storage, proxy, hosts);
            return await console.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                .StartAsync(async context =>
                {
                    ProgressTask starting = context.AddTask($"{count} host processes started, partitions shared", maxValue: count + 1);
                    foreach (BenchHostProcess started in await Task.WhenAll(Enumerable.Range(1, count).Select(i =>
                        BenchHostProcess.StartAsync(string.Create(CultureInfo.InvariantCulture, $"{name}-p{i}"), arguments, cancellationToken))))
                    {
                        hosts.Add(started);
                        starting.Increment(1);
                    }

                    await run.UntilPartitionsSharedAsync(cancellationToken);
                    starting.Increment(1);
                    ProgressTask warming = context.AddTask("warm-up", maxValue: Math.Max(options.Warmup, 1));
                    await run.DriveAsync(options.Warmup, 900_000, kill: false, new Progress<int>(done => warming.Value = done), cancellationToken);
                    warming.Value = warming.MaxValue;
                    ProgressTask applications = context.AddTask("full workflow", maxValue: options.Applications);
                    var clock = Stopwatch.StartNew();
                    return await run.MeasureAsync(
                        startedAt,
                        azurite,
                        engineSettings,
                        new Progress<int>(done =>
                        {
                            applications.Value = done;
                            applications.Description = string.Create(CultureInfo.InvariantCulture, $"full workflow, {done / Math.Max(clock.Elapsed.TotalSeconds, 0.001):0.00}/s{(run.KilledAt is double k ? $", one killed at {k:0} s" : string.Empty)}");
                        }),
                        cancellationToken);
                });
        }
        finally
        {
            foreach (BenchHostProcess started in hosts)
            {
                await started.DisposeAsync();
            }
        }
    }

    /// <summary>The state of one run: the live processes, the applications followed, the partition samples.</summary>
    sealed class Run : IDisposable
    {
        readonly BenchOptions options;
        readonly StorageCountingProxy proxy;
        readonly List<BenchHostProcess> hosts;
        readonly ApiCaller api = new();
        readonly TableClient instances;
        readonly TableClient partitions;
        readonly AzureStorageOrchestrationService history;
        readonly string signingKey;
        readonly ConcurrentDictionary<string, Followed> followed = new(StringComparer.Ordinal);
        readonly ConcurrentQueue<PartitionSample> samples = new();
        readonly ConcurrentQueue<string> backgroundFailures = new();
        readonly Dictionary<BenchHostProcess, Clients> clients = [];
        readonly Stopwatch clock = new();
        int turn;

        public Run(BenchOptions options, string taskHub, string directStorage, StorageCountingProxy proxy, List<BenchHostProcess> hosts)
        {
            this.options = options;
            this.proxy = proxy;
            this.hosts = hosts;
            this.TaskHub = taskHub;
            this.instances = new TableClient(directStorage, $"{taskHub}Instances");
            this.partitions = new TableClient(directStorage, $"{taskHub}Partitions");
            this.history = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
            {
                StorageAccountClientProvider = new StorageAccountClientProvider(directStorage),
                TaskHubName = taskHub,
            });
            this.signingKey = CommandSettings.Build(options.Settings)[LocalTokens.SigningKeySetting]
                ?? throw new InvalidOperationException($"{LocalTokens.SigningKeySetting} is not set (appsettings.json has a development value).");
        }

        public string TaskHub { get; }

        public void Dispose()
        {
            this.history.Dispose();
            lock (this.clients)
            {
                foreach (Clients client in this.clients.Values)
                {
                    client.Employer.Dispose();
                    client.Caseworker.Dispose();
                    client.Anonymous.Dispose();
                }
            }
        }

        public double? KilledAt { get; private set; }

        /// <summary>Waits (up to a minute) until every process holds a partition, so the measured run starts shared.</summary>
        public async Task UntilPartitionsSharedAsync(CancellationToken cancellationToken)
        {
            this.clock.Start();
            var deadline = Stopwatch.StartNew();
            while (deadline.Elapsed < TimeSpan.FromMinutes(1))
            {
                IReadOnlyList<PartitionSample> now = await this.LookAtPartitionsAsync(cancellationToken);
                if (this.hosts.All(h => now.Any(s => s.Owner == h.WorkerId)))
                {
                    return;
                }

                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
        }

        public async Task<ProcessesResults> MeasureAsync(
            DateTimeOffset startedAt, AzuriteServer? azurite, IReadOnlyList<string> engineSettings, IProgress<int> progress, CancellationToken cancellationToken)
        {
            IReadOnlyDictionary<StorageRequest, long> before = this.proxy.Snapshot();
            int refusalsBefore = this.api.Refusals.Count;
            double from = this.clock.Elapsed.TotalSeconds;
            (IReadOnlyList<string> ids, double seconds) = await this.DriveAsync(this.options.Applications, 0, this.options.KillOne, progress, cancellationToken);
            IReadOnlyDictionary<StorageRequest, long> counted = StorageCountingProxy.Between(before, this.proxy.Snapshot());

            var completions = new ConcurrentBag<double>();
            var notOnce = new ConcurrentBag<string>();
            await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (id, token) =>
            {
                if (EngineHistory.StartToCompletion(EngineHistory.Parse(await this.history.GetOrchestrationHistoryAsync(id, null))) is double s)
                {
                    completions.Add(s);
                }

                JsonNode? status = await this.api.SendAsync(() => this.Live().Caseworker, HttpMethod.Get, $"/api/applications/{id}", null, token);
                int decisions = DecisionBooks.Decisions(status);
                if (decisions != 1)
                {
                    notOnce.Add($"{id}: {decisions} decisions");
                }
            });

            StorageFigures storage = StorageFigures.Of(counted, new Dictionary<StorageRequest, double>(), seconds, Math.Max(ids.Count, 1), StoragePrices.StandardV2LrsHot);
            return new ProcessesResults(
                startedAt,
                $"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}",
                azurite is null ? "the storage given by --storage" : "Azurite (its own, fresh)",
                this.hosts.Count,
                this.options.KillOne,
                this.options.Applications,
                this.options.InFlight,
                this.options.PolicyDay,
                this.TaskHub,
                engineSettings,
                Math.Round(seconds, 2),
                ids.Count, // every one completed: the drive throws on one that did not
                Math.Round(ids.Count / Math.Max(seconds, 0.001), 2),
                Percentiles.Of(completions),
                [.. this.hosts.Select(h => new HostProcessResult(
                    h.WorkerId, h.ProcessId, Math.Round(h.ProcessorTime.TotalSeconds, 1), h.PeakWorkingSetMiB, h.Killed ? this.KilledAt : null))],
                PartitionHolding.Of(this.samples.Where(s => s.Seconds >= from - 1)),
                [.. notOnce.Order(StringComparer.Ordinal)],
                storage.TotalPerApplication,
                this.api.Refusals.Count - refusalsBefore);
        }

        /// <summary>
        /// Runs <paramref name="count"/> applications, <see cref="BenchOptions.InFlight"/> at a time, to completion;
        /// with <paramref name="kill"/>, kills the last process once half have completed. The ids and the seconds from
        /// the first submission to the last completion.
        /// </summary>
        public async Task<(IReadOnlyList<string> Ids, double Seconds)> DriveAsync(int count, int firstNumber, bool kill, IProgress<int> progress, CancellationToken cancellationToken)
        {
            var ids = new ConcurrentBag<string>();
            var phase = Stopwatch.StartNew();
            double last = 0;
            int next = -1, done = 0;
            using var watching = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            Task watcher = this.WatchAsync(watching.Token);

            async Task SlotAsync()
            {
                int index;
                while ((index = Interlocked.Increment(ref next)) < count)
                {
                    Followed application = await this.SubmitAsync(firstNumber + index + 1, cancellationToken);
                    string end;
                    try
                    {
                        end = await application.Ended.Task.WaitAsync(this.options.Timeout, cancellationToken);
                    }
                    catch (TimeoutException)
                    {
                        this.api.ThrowIfHostFailing();
                        string why = this.backgroundFailures.TryPeek(out string? failure) ? $" First failure of the bench's own calls: {failure}" : string.Empty;
                        throw new BenchFailedException(
                            $"application {application.Id} did not complete within {this.options.Timeout.TotalSeconds:0} s (--timeout); decision sent: {application.DecisionSent}; {await this.WhereAsync(application.Id, cancellationToken)}.{why}");
                    }

                    if (end != "Completed")
                    {
                        throw new BenchFailedException($"application {application.Id} ended {end}.");
                    }

                    ids.Add(application.Id);
                    lock (ids)
                    {
                        last = phase.Elapsed.TotalSeconds;
                    }

                    int finished = Interlocked.Increment(ref done);
                    progress.Report(finished);
                    if (kill && finished == count / 2)
                    {
                        BenchHostProcess victim = this.hosts[^1];
                        this.KilledAt = Math.Round(this.clock.Elapsed.TotalSeconds, 1);
                        await victim.KillAsync();
                    }
                }
            }

            try
            {
                await Task.WhenAll(Enumerable.Range(0, Math.Min(this.options.InFlight, count)).Select(_ => SlotAsync()));
            }
            finally
            {
                await watching.CancelAsync();
                await watcher.ContinueWith(_ => { }, TaskScheduler.Default);
            }

            return ([.. ids], last);
        }

        /// <summary>The employer of the next live process submits, and pays (a retry goes to a process still alive).</summary>
        async Task<Followed> SubmitAsync(int number, CancellationToken cancellationToken)
        {
            JsonObject body = SyntheticApplications.Build(Seed, new PlannedApplication(number, 0, SyntheticApplications.HighlySkilled, null, null), DateOnly.FromDateTime(DateTime.UtcNow));
            string id = ApplicationIds.Derive(
                ApplicationIds.ApplicantKey(SyntheticApplications.EmployerOf(SyntheticApplications.HighlySkilled), null), body["submissionId"]!.GetValue<string>());
            var application = new Followed(id, number);
            if (!this.followed.TryAdd(id, application))
            {
                throw new InvalidOperationException($"Application {id} is followed already.");
            }

            JsonNode? submitted = await this.api.SendAsync(() => this.Next().Employer, HttpMethod.Post, "/api/applications", body, cancellationToken);
            if (submitted?["applicationId"]?.GetValue<string>() != id)
            {
                this.api.ThrowIfHostFailing();
                throw new BenchFailedException($"the API refused or misnumbered submission {number} (expected {id}): {this.api.Refusals.LastOrDefault() ?? submitted?.ToJsonString()}");
            }

            if (!await this.api.PayFeeAsync(() => this.Next().Employer, () => this.Next().Anonymous, id, string.Create(CultureInfo.InvariantCulture, $"PAY-{number:D6}"), cancellationToken))
            {
                throw new BenchFailedException($"the fee of {id} could not be paid: {this.api.Refusals.LastOrDefault()}");
            }

            return application;
        }

        /// <summary>Twice a second: the instance table (decide what awaits the caseworker, note what ended); each second: the partition table and the processes' CPU and memory.</summary>
        async Task WatchAsync(CancellationToken cancellationToken)
        {
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(500));
            long ticks = 0;
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                try
                {
                    await foreach (TableEntity instance in this.instances.QueryAsync<TableEntity>(
                        select: ["PartitionKey", "RuntimeStatus", "CustomStatus"], cancellationToken: cancellationToken))
                    {
                        if (!this.followed.TryGetValue(instance.PartitionKey, out Followed? application) || application.Ended.Task.IsCompleted)
                        {
                            continue;
                        }

                        string status = instance.GetString("RuntimeStatus") ?? string.Empty;
                        if (status is "Completed" or "Failed" or "Terminated" or "Canceled")
                        {
                            application.Ended.TrySetResult(status);
                        }
                        else if (instance.GetString("CustomStatus")?.Contains("caseworker-decision", StringComparison.Ordinal) == true && application.TakeDecision())
                        {
                            _ = Task.Run(() => this.DecideAsync(application.Id, cancellationToken), CancellationToken.None);
                        }
                    }

                    if (ticks++ % 2 == 0)
                    {
                        await this.LookAtPartitionsAsync(cancellationToken);
                        foreach (BenchHostProcess host in this.hosts)
                        {
                            host.Sample();
                        }
                    }
                }
                catch (Azure.RequestFailedException e)
                {
                    this.backgroundFailures.Enqueue($"reading the engine's tables: {e.Message.Split('\n')[0]}");
                }
            }
        }

        /// <summary>Where a stuck application stands, for the failure message: the engine's instance row and the API's stage and timeline (codes only).</summary>
        async Task<string> WhereAsync(string id, CancellationToken cancellationToken)
        {
            string engine;
            try
            {
                TableEntity row = (await this.instances.GetEntityAsync<TableEntity>(id, string.Empty, cancellationToken: cancellationToken)).Value;
                engine = $"engine: {row.GetString("RuntimeStatus")}, custom status {row.GetString("CustomStatus")}";
            }
            catch (Azure.RequestFailedException e)
            {
                engine = $"engine: no instance row ({e.Status})";
            }

            JsonNode? status = await this.api.SendAsync(() => this.Live().Caseworker, HttpMethod.Get, $"/api/applications/{id}", null, cancellationToken);
            string timeline = status?["timeline"] is JsonArray entries ? string.Join(" > ", entries.Select(e => e?["event"]?.ToString())) : "none";
            return $"{engine}; API: stage {status?["stage"]}, timeline {timeline}";
        }

        async Task<IReadOnlyList<PartitionSample>> LookAtPartitionsAsync(CancellationToken cancellationToken)
        {
            double now = Math.Round(this.clock.Elapsed.TotalSeconds, 1);
            var seen = new List<PartitionSample>();
            try
            {
                await foreach (TableEntity lease in this.partitions.QueryAsync<TableEntity>(cancellationToken: cancellationToken))
                {
                    var sample = new PartitionSample(now, lease.RowKey.Length > 0 ? lease.RowKey : lease.PartitionKey, lease.GetString("CurrentOwner") ?? string.Empty);
                    seen.Add(sample);
                    this.samples.Enqueue(sample);
                }
            }
            catch (Azure.RequestFailedException e) when (e.Status == 404)
            {
                // Not created yet: the engine creates it as it starts.
            }

            return seen;
        }

        /// <summary>The caseworker approves; a decision that reaches the API before the case index shows the stage is refused (409) and tried again.</summary>
        async Task DecideAsync(string id, CancellationToken cancellationToken)
        {
            try
            {
                for (int attempt = 1; attempt <= 20; attempt++)
                {
                    if (await this.api.SendAsync(() => this.Next().Caseworker, HttpMethod.Post, $"/api/applications/{id}/decision", ApiCaller.Decision(id, refuse: false), cancellationToken) is not null)
                    {
                        return;
                    }

                    await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
                }

                this.backgroundFailures.Enqueue($"the caseworker's decision on {id} was refused 20 times: {this.api.Refusals.LastOrDefault()}");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                this.backgroundFailures.Enqueue($"deciding {id}: {e.Message.Split('\n')[0]}");
            }
        }

        /// <summary>The next live process's clients, in turn.</summary>
        Clients Next()
        {
            BenchHostProcess[] live = [.. this.hosts.Where(h => !h.Killed)];
            return this.ClientsOf(live[(int)((uint)Interlocked.Increment(ref this.turn) % live.Length)]);
        }

        Clients Live() => this.ClientsOf(this.hosts.First(h => !h.Killed));

        Clients ClientsOf(BenchHostProcess host)
        {
            lock (this.clients)
            {
                if (!this.clients.TryGetValue(host, out Clients? found))
                {
                    TimeSpan lifetime = TimeSpan.FromHours(6);
                    string applicant = SyntheticApplications.ApplicantOf(SyntheticApplications.HighlySkilled);
                    found = new Clients(
                        Client(host.Root, LocalTokens.Issue(this.signingKey, Roles.Employer, applicant, "bench-employer", lifetime, DateTimeOffset.UtcNow, name: "Bench employer")),
                        Client(host.Root, LocalTokens.Issue(this.signingKey, Roles.Caseworker, null, "bench-caseworker", lifetime, DateTimeOffset.UtcNow, name: "Bench caseworker")),
                        Client(host.Root, null));
                    this.clients[host] = found;
                }

                return found;
            }
        }

        static HttpClient Client(Uri root, string? token)
        {
            var client = new HttpClient { BaseAddress = root, Timeout = TimeSpan.FromSeconds(100) };
            if (token is not null)
            {
                client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            }

            return client;
        }
    }

    /// <summary>One process's API clients, per role.</summary>
    sealed record Clients(HttpClient Employer, HttpClient Caseworker, HttpClient Anonymous);

    /// <summary>An application the run follows: its end (the runtime status) and whether its decision was sent.</summary>
    sealed class Followed(string id, int number)
    {
        int decided;

        public string Id { get; } = id;

        public int Number { get; } = number;

        public TaskCompletionSource<string> Ended { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool DecisionSent => Volatile.Read(ref this.decided) == 1;

        public bool TakeDecision() => Interlocked.Exchange(ref this.decided, 1) == 0;
    }
}
