using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using Workflow.Application.Access;
using Workflow.LocalHost.Driving;
using Workflow.LocalHost.Simulation;
using Workflow.Orchestrations.Activities;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Domain;

namespace Workflow.LocalHost.Bench;

/// <summary>
/// One bench run on one host: starts the local host in process on storage seen through the counting proxy, with the
/// bare orchestration registered beside the workflow and the engine watched (<see cref="EngineWatch"/>); warms both
/// sides up, measures idle polling, then runs (a) the bare orchestration and (b) the full workflow through the API,
/// each with a fixed number of applications in flight, and reads each instance's history (directly, not through the
/// proxy: the bench's own reads are not counted) for the engine's timings.
/// </summary>
public sealed partial class BenchRunner(BenchOptions options, string directStorage, StorageCountingProxy proxy, AzuriteServer? azurite) : IAsyncDisposable
{
    const int Seed = 11;

    readonly EngineWatch watch = new();
    readonly ApiCaller api = new();
    readonly ConcurrentQueue<string> backgroundFailures = new();
    readonly CancellationTokenSource sampling = new();
    readonly string name = SimulationHost.NewName(DateTimeOffset.UtcNow, "bench");
    DrivenHost? host;
    AzureStorageOrchestrationService? history;
    Task? sampler;
    long phasePeakWorkingSet;

    HttpClient? employer;
    HttpClient? caseworker;
    HttpClient? anonymous;

    public string TaskHub => this.name;

    /// <summary>The simulated federal office of every bench run: acknowledges and approves at once.</summary>
    internal static FederalOfficeBehaviour FederalOfficeAnsweringAtOnce =>
        new() { AcknowledgeAfterDays = 0, DecisionAfterDaysMin = 0, DecisionAfterDaysMax = 0, RefusalRate = 0, InformationRequestRate = 0 };

    DrivenHost Host => this.host ?? throw new InvalidOperationException("Start the bench first.");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        FederalOfficeBehaviour federalOffice = FederalOfficeAnsweringAtOnce;
        this.host = await DrivenHost.StartAsync(
            new SimulationHost(this.name, proxy.ProxiedConnectionString, options.Settings),
            options.PolicyDay,
            DrivenHost.AllSimulatedParties,
            federalOffice.HostArguments(Seed),
            builder =>
            {
                builder.Services.AddSingleton(this.watch.Decorator);
                // Added to the worker's task registry (what AddTasks configures), not through AddDurableTaskWorker: that
                // would register the worker's hosted service before the sidecar's, and stop the sidecar first.
                builder.Services.Configure<DurableTaskRegistry>(Options.DefaultName, registry =>
                {
                    registry.AddOrchestrator<BareShapeOrchestrator>();
                    registry.AddActivity<NoOpActivity>();
                });
            },
            cancellationToken);
        this.history = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = new StorageAccountClientProvider(directStorage),
            TaskHubName = this.name,
        });

        TimeSpan lifetime = TimeSpan.FromHours(6);
        string applicant = SyntheticApplications.ApplicantOf(SyntheticApplications.HighlySkilled);
        this.employer = this.Host.Client(this.Host.Token(Roles.Employer, applicant, "bench-employer", "Bench employer", lifetime));
        this.caseworker = this.Host.Client(this.Host.Token(Roles.Caseworker, null, "bench-caseworker", "Bench caseworker", lifetime));
        this.anonymous = this.Host.Client(null);
        this.sampler = this.SampleMemoryAsync(this.sampling.Token);
    }

    /// <summary>A few applications of each kind, not measured.</summary>
    public async Task WarmUpAsync(IProgress<int> progress, CancellationToken cancellationToken)
    {
        if (options.Warmup == 0)
        {
            return;
        }

        await this.RunPhaseAsync(options.Warmup, 900_000, this.StartBareAsync, progress, cancellationToken);
        await this.RunPhaseAsync(options.Warmup, 900_000, this.StartFullAsync, progress, cancellationToken);
    }

    /// <summary>Requests per second while nothing runs, after a moment for the pollers to back off.</summary>
    public async Task<IdlePolling> MeasureIdleAsync(CancellationToken cancellationToken)
    {
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        IReadOnlyDictionary<StorageRequest, long> before = proxy.Snapshot();
        var clock = Stopwatch.StartNew();
        await Task.Delay(options.Idle, cancellationToken);
        IReadOnlyDictionary<StorageRequest, long> counted = StorageCountingProxy.Between(before, proxy.Snapshot());
        return IdlePolling.Of(counted, clock.Elapsed.TotalSeconds, StoragePrices.StandardV2LrsHot);
    }

    /// <summary>(a) The bare orchestration: started through the engine's client, its two events raised by the bench as soon as it waits for them.</summary>
    public async Task<PhaseResult> RunBareAsync(IdlePolling idle, IProgress<int> progress, CancellationToken cancellationToken)
    {
        PhaseMeasure measure = await this.RunPhaseAsync(options.Applications, 0, this.StartBareAsync, progress, cancellationToken);
        return await this.ResultAsync("(a) bare orchestration", measure, idle, BareShapeOrchestrator.FederalEvent, BareShapeOrchestrator.CaseworkerEvent, cancellationToken);
    }

    /// <summary>(b) The full workflow through the API: the employer submits and pays, the simulated federal office answers at once, the caseworker approves as soon as the case waits for it.</summary>
    public async Task<PhaseResult> RunFullAsync(IdlePolling idle, IProgress<int> progress, CancellationToken cancellationToken)
    {
        PhaseMeasure measure = await this.RunPhaseAsync(options.Applications, 0, this.StartFullAsync, progress, cancellationToken);
        return await this.ResultAsync("(b) full workflow", measure, idle, PermitEvents.FederalDecided, PermitEvents.CaseworkerDecided, cancellationToken);
    }

    /// <summary>The process's peak resident memory over the whole run.</summary>
    public static double ProcessPeakWorkingSetMiB()
    {
        using var self = Process.GetCurrentProcess();
        return Math.Round(self.PeakWorkingSet64 / 1048576.0, 1);
    }

    public async ValueTask DisposeAsync()
    {
        await this.sampling.CancelAsync();
        if (this.sampler is not null)
        {
            await this.sampler.ContinueWith(_ => { }, TaskScheduler.Default);
        }

        this.sampling.Dispose();
        if (this.host is not null)
        {
            await this.host.DisposeAsync();
        }
    }

    /// <summary>
    /// Keeps the in-flight number of applications going until <paramref name="count"/> have ended: a new one starts
    /// as soon as one ends (the engine tells, no polling). Fails the run when one takes longer than the timeout.
    /// </summary>
    async Task<PhaseMeasure> RunPhaseAsync(
        int count, int firstNumber, Func<int, CancellationToken, Task<WatchedInstance>> start, IProgress<int> progress, CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<StorageRequest, long> countsBefore = proxy.Snapshot();
        TimeSpan cpuBefore = ProcessorTime();
        TimeSpan jitBefore = System.Runtime.JitInfo.GetCompilationTime();
        TimeSpan? azuriteBefore = azurite?.ProcessorTime;
        long episodesBefore = this.watch.Episodes, activitiesBefore = this.watch.Activities;
        int refusalsBefore = this.api.Refusals.Count;
        Interlocked.Exchange(ref this.phasePeakWorkingSet, 0);
        var ended = new ConcurrentBag<(string Id, OrchestrationStatus Status)>();
        var clock = Stopwatch.StartNew();
        TimeSpan lastEnd = TimeSpan.Zero;
        int next = -1, done = 0;

        async Task SlotAsync()
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < count)
            {
                int number = firstNumber + index + 1;
                WatchedInstance watched = await start(number, cancellationToken);
                (OrchestrationStatus status, _) = await this.EndOfAsync(watched, cancellationToken);
                this.watch.Forget(watched.InstanceId);
                ended.Add((watched.InstanceId, status));
                lock (ended)
                {
                    lastEnd = clock.Elapsed;
                }

                progress.Report(Interlocked.Increment(ref done));
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Math.Min(options.InFlight, count)).Select(_ => SlotAsync()));
        TimeSpan elapsed = lastEnd;
        return new PhaseMeasure(
            [.. ended],
            elapsed.TotalSeconds,
            StorageCountingProxy.Between(countsBefore, proxy.Snapshot()),
            ProcessorTime() - cpuBefore,
            System.Runtime.JitInfo.GetCompilationTime() - jitBefore,
            azurite?.ProcessorTime - azuriteBefore,
            this.watch.Episodes - episodesBefore,
            this.watch.Activities - activitiesBefore,
            this.api.Refusals.Count - refusalsBefore,
            Interlocked.Read(ref this.phasePeakWorkingSet));
    }

    async Task<(OrchestrationStatus Status, DateTimeOffset At)> EndOfAsync(WatchedInstance watched, CancellationToken cancellationToken)
    {
        try
        {
            return await watched.Ended.WaitAsync(options.Timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            this.api.ThrowIfHostFailing();
            string why = this.backgroundFailures.TryPeek(out string? failure) ? $" First failure of the bench's own calls: {failure}" : string.Empty;
            string refused = this.api.Refusals.LastOrDefault() is string last ? $" Last refusal by the API: {last}" : string.Empty;
            throw new BenchFailedException(
                $"application {watched.InstanceId} did not complete within {options.Timeout.TotalSeconds:0} s (--timeout).{why}{refused}");
        }
    }

    Task<WatchedInstance> StartBareAsync(int number, CancellationToken cancellationToken)
    {
        DurableTaskClient client = this.Host.App.Services.GetRequiredService<DurableTaskClient>();
        string id = string.Create(CultureInfo.InvariantCulture, $"bare-{number:D6}");
        var raised = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        WatchedInstance watched = this.watch.Watch(id, onCustomStatus: (_, status) =>
        {
            foreach (string eventName in WaitedEvents(status))
            {
                if (raised.TryAdd(eventName, 0))
                {
                    this.InBackground($"raising {eventName} on {id}", () => client.RaiseEventAsync(id, eventName, "answered", cancellationToken));
                }
            }
        });
        return StartAsync();

        async Task<WatchedInstance> StartAsync()
        {
            await client.ScheduleNewOrchestrationInstanceAsync(
                nameof(BareShapeOrchestrator), new BareShapeInput(options.PolicyDay * 15), new StartOrchestrationOptions { InstanceId = id }, cancellationToken);
            return watched;
        }
    }

    /// <summary>The events the bare orchestration's custom status says it waits for (a JSON string, "caseworker,federal").</summary>
    static string[] WaitedEvents(string? customStatus) =>
        customStatus is { Length: > 0 } && JsonSerializer.Deserialize<string>(customStatus) is string list
            ? list.Split(',', StringSplitOptions.RemoveEmptyEntries)
            : [];

    Task<WatchedInstance> StartFullAsync(int number, CancellationToken cancellationToken) => this.SubmitFullAsync(number, waiting: null, cancellationToken);

    /// <summary>Whether an activity records a case's transitions (and so its case index): every one on 2.1, those without work on 2.0.</summary>
    internal static bool RecordsTransitions(string activity) => activity is nameof(RecordTransitionActivity) or nameof(RecordThenWorkActivity);

    /// <summary>
    /// Submits and pays; the caseworker then approves as soon as the case awaits the decision, or, with
    /// <paramref name="waiting"/>, nobody decides and <paramref name="waiting"/> completes once the case waits on the
    /// caseworker alone (the federal office answered) and the case index shows it.
    /// </summary>
    async Task<WatchedInstance> SubmitFullAsync(int number, TaskCompletionSource? waiting, CancellationToken cancellationToken)
    {
        JsonObject body = SyntheticApplications.Build(Seed, new PlannedApplication(number, 0, SyntheticApplications.HighlySkilled, null, null), DateOnly.FromDateTime(DateTime.UtcNow));
        string id = ApplicationIds.Derive(
            ApplicationIds.ApplicantKey(SyntheticApplications.EmployerOf(SyntheticApplications.HighlySkilled), null), body["submissionId"]!.GetValue<string>());
        var application = new CaseworkerTrigger(waiting is null ? AwaitsCaseworker : WaitingCase.Settled);
        WatchedInstance watched = this.watch.Watch(
            id,
            onCustomStatus: (_, status) => application.StatusChanged(status),
            onActivityCompleted: (_, activity) =>
            {
                // The case index (which the API checks a decision against) has the new stage once this activity is done.
                if (RecordsTransitions(activity) && application.TakeDecision())
                {
                    if (waiting is not null)
                    {
                        waiting.TrySetResult();
                    }
                    else
                    {
                        this.InBackground($"deciding {id}", () => this.DecideAsync(id, cancellationToken));
                    }
                }
            });

        JsonNode? submitted = await this.api.SendAsync(this.employer!, HttpMethod.Post, "/api/applications", body, cancellationToken);
        if (submitted?["applicationId"]?.GetValue<string>() is not string accepted || accepted != id)
        {
            this.watch.Forget(id);
            this.api.ThrowIfHostFailing();
            throw new BenchFailedException($"the API refused or misnumbered submission {number} (expected {id}): {this.api.Refusals.LastOrDefault() ?? submitted?.ToJsonString()}");
        }

        if (!await this.api.PayFeeAsync(this.employer!, this.anonymous!, id, string.Create(CultureInfo.InvariantCulture, $"PAY-{number:D6}"), cancellationToken))
        {
            throw new BenchFailedException($"the fee of {id} could not be paid: {this.api.Refusals.LastOrDefault()}");
        }

        return watched;
    }

    /// <summary>The caseworker approves; a decision that reaches the API just before the case index shows the stage is refused (409) and tried again.</summary>
    async Task DecideAsync(string id, CancellationToken cancellationToken)
    {
        for (int attempt = 1; attempt <= 20; attempt++)
        {
            if (await this.api.SendAsync(this.caseworker!, HttpMethod.Post, $"/api/applications/{id}/decision", ApiCaller.Decision(id, refuse: false), cancellationToken) is not null)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }

        throw new BenchFailedException($"the caseworker's decision on {id} was refused 20 times: {this.api.Refusals.LastOrDefault()}");
    }

    void InBackground(string what, Func<Task> work) =>
        _ = Task.Run(async () =>
        {
            try
            {
                await work();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                this.backgroundFailures.Enqueue($"{what}: {e.Message.Split('\n')[0]}");
            }
        });

    async Task<PhaseResult> ResultAsync(string phase, PhaseMeasure measure, IdlePolling idle, string federalEvent, string caseworkerEvent, CancellationToken cancellationToken)
    {
        var completions = new ConcurrentBag<double>();
        var federal = new ConcurrentBag<double>();
        var caseworkerResumes = new ConcurrentBag<double>();
        var splits = new ConcurrentBag<IReadOnlyDictionary<string, double>>();
        await Parallel.ForEachAsync(
            measure.Ended.Where(e => e.Status == OrchestrationStatus.Completed),
            new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken },
            async (instance, _) =>
            {
                IReadOnlyList<HistoryEntry> entries = EngineHistory.Parse(await this.history!.GetOrchestrationHistoryAsync(instance.Id, null));
                if (EngineHistory.StartToCompletion(entries) is double seconds)
                {
                    completions.Add(seconds);
                }

                foreach (double latency in EngineHistory.EventToResume(entries, federalEvent))
                {
                    federal.Add(latency);
                }

                foreach (double latency in EngineHistory.EventToResume(entries, caseworkerEvent))
                {
                    caseworkerResumes.Add(latency);
                }

                splits.Add(EngineHistory.TimeSplit(entries));
            });

        int completed = measure.Ended.Count(e => e.Status == OrchestrationStatus.Completed);
        int applications = measure.Ended.Count;
        double seconds = Math.Max(measure.Seconds, 0.001);
        long workItems = measure.Episodes + measure.Activities;
        return new PhaseResult(
            phase,
            applications,
            completed,
            applications - completed,
            Math.Round(seconds, 2),
            Math.Round(completed / seconds, 2),
            measure.Episodes,
            measure.Activities,
            Math.Round(workItems / seconds, 1),
            Math.Round((double)workItems / applications, 1),
            Percentiles.Of(completions),
            Percentiles.Of(federal),
            Percentiles.Of(caseworkerResumes),
            Math.Round(measure.Cpu.TotalMilliseconds / Math.Max(completed, 1), 1),
            Math.Round(measure.Jit.TotalMilliseconds / Math.Max(completed, 1), 1),
            measure.AzuriteCpu is TimeSpan azuriteCpu ? Math.Round(azuriteCpu.TotalMilliseconds / Math.Max(completed, 1), 1) : null,
            Math.Round(measure.PeakWorkingSet / 1048576.0, 1),
            measure.Refusals,
            StorageFigures.Of(measure.Requests, idle.PerSecondByRequest, seconds, applications, StoragePrices.StandardV2LrsHot),
            TimePart.MeansOf(splits));
    }

    static TimeSpan ProcessorTime()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    async Task SampleMemoryAsync(CancellationToken cancellationToken)
    {
        using var self = Process.GetCurrentProcess();
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            self.Refresh();
            long current = self.WorkingSet64;
            long peak;
            do
            {
                peak = Interlocked.Read(ref this.phasePeakWorkingSet);
            }
            while (current > peak && Interlocked.CompareExchange(ref this.phasePeakWorkingSet, current, peak) != peak);
        }
    }

    /// <summary>What a phase measured, before the histories are read.</summary>
    sealed record PhaseMeasure(
        IReadOnlyList<(string Id, OrchestrationStatus Status)> Ended,
        double Seconds,
        IReadOnlyDictionary<StorageRequest, long> Requests,
        TimeSpan Cpu,
        TimeSpan Jit,
        TimeSpan? AzuriteCpu,
        long Episodes,
        long Activities,
        int Refusals,
        long PeakWorkingSet);

    static bool AwaitsCaseworker(string? customStatus) => customStatus?.Contains("caseworker-decision", StringComparison.Ordinal) == true;

    /// <summary>Decides once, after the workflow shows it awaits the caseworker (as <paramref name="awaits"/> reads its custom status).</summary>
    sealed class CaseworkerTrigger(Func<string?, bool> awaits)
    {
        int awaiting;
        int taken;

        public void StatusChanged(string? customStatus)
        {
            if (awaits(customStatus))
            {
                Volatile.Write(ref this.awaiting, 1);
            }
        }

        public bool TakeDecision() => Volatile.Read(ref this.awaiting) == 1 && Interlocked.Exchange(ref this.taken, 1) == 0;
    }
}
