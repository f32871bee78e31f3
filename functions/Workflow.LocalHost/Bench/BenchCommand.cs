using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Spectre.Console;

namespace Workflow.LocalHost.Bench;

/// <summary>
/// The benchmark: <c>Workflow.LocalHost.dll bench [--applications 100] [--in-flight 16] [--out .local/bench]
/// [--policy-day 00:10:00] [--timeout 120] [--idle-seconds 5] [--warmup 2] [--storage &lt;connection string&gt;] [--Section:Key=value]</c>.
/// Starts an Azurite of its own (unless --storage names one), a counting proxy in front of it and the local host in
/// process (<see cref="BenchRunner"/>), and measures in one run (a) the bare orchestration of the workflow's shape and
/// (b) the full workflow through the API; shows a progress bar, then a table, the ratio (b)/(a) last; writes
/// bench-results.json. Returns 0; 1 when an application did not complete in time or failed, or storage could not be
/// used; 2 on a usage error; 130 when stopped (Ctrl+C, SIGTERM).
/// </summary>
public static class BenchCommand
{
    public const string Command = "bench";

    public const string DefaultOut = ".local/bench";

    public const string ResultsFile = "bench-results.json";

    public const string WaitingFile = "bench-waiting.json";

    public const string ProcessesFile = "bench-processes.json";

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static bool IsCommand(string[] args) => args is [Command, ..];

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        (BenchOptions? parsed, string? problem) = Parse(args);
        if (parsed is not BenchOptions options)
        {
            return Usage(error, problem!);
        }

        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = ReferenceEquals(output, Console.Out) ? AnsiSupport.Detect : AnsiSupport.No,
        });
        console.Profile.Width = Math.Max(console.Profile.Width, 120);

        // Ctrl+C or SIGTERM (a CI timeout) ends the run, not only the host inside it (whose own lifetime hears them too).
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        void Stop(PosixSignalContext signal)
        {
            signal.Cancel = true;
            stop.Cancel();
        }

        using PosixSignalRegistration interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using PosixSignalRegistration terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        cancellationToken = stop.Token;
        AzuriteServer? azurite = null;
        try
        {
            string storage;
            if (options.Storage is string given)
            {
                storage = given;
            }
            else
            {
                console.MarkupLine("Starting an Azurite of the bench's own (fresh, in a temporary folder)…");
                azurite = await AzuriteServer.StartAsync();
                storage = azurite.ConnectionString;

                // Stopped (Ctrl+C, a CI timeout) before the end: Azurite goes with the bench, and its folder too.
                AzuriteServer started = azurite;
                AppDomain.CurrentDomain.ProcessExit += (_, _) => started.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }

            if (options.Waiting > 0)
            {
                WaitingResults waiting = await MeasureWaitingAsync(options, storage, azurite, console, cancellationToken);
                string written = await WriteAsync(options, WaitingFile, waiting, cancellationToken);
                BenchReport.ShowWaiting(console, waiting);
                console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Wrote {written}.");
                if (waiting.StatusNotWaiting > 0 || waiting.WorklistFound != waiting.Applications)
                {
                    await error.WriteLineAsync($"{Command}: FAILED: {waiting.StatusNotWaiting} sampled statuses not awaiting the decision; {waiting.WorklistFound} of {waiting.Applications} applications found on the worklist.");
                    return 1;
                }

                return 0;
            }

            if (options.Processes is int)
            {
                ProcessesResults processes = await ProcessesBench.RunAsync(options, storage, azurite, console, cancellationToken);
                string written = await WriteAsync(options, ProcessesFile, processes, cancellationToken);
                BenchReport.ShowProcesses(console, processes);
                console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Wrote {written}.");
                if (processes.NotDecidedOnce.Count > 0) // an application that did not complete failed the run already
                {
                    await error.WriteLineAsync($"{Command}: FAILED: {processes.NotDecidedOnce.Count} of {processes.Applications} applications without exactly one decision in their timeline.");
                    return 1;
                }

                return 0;
            }

            // The host is stopped before the tables are shown, so its last words come before them.
            BenchResults results = await MeasureAsync(options, storage, azurite, console, cancellationToken);
            string file = await WriteAsync(options, ResultsFile, results, cancellationToken);
            BenchReport.Show(console, results);
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Wrote {file}.");
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                $"[bold]Ratio (b)/(a), applications per second: {results.ThroughputRatio:0.00}[/] ({results.Full.ApplicationsPerSecond:0.00} / {results.Bare.ApplicationsPerSecond:0.00})");
            if (results.Bare.Failed + results.Full.Failed > 0)
            {
                await error.WriteLineAsync($"{Command}: FAILED: {results.Bare.Failed} bare and {results.Full.Failed} full applications ended other than completed.");
                return 1;
            }

            return 0;
        }
        catch (Exception) when (stop.IsCancellationRequested)
        {
            // Whatever the stop broke on its way (a cancelled wait, a request to the stopping host).
            await error.WriteLineAsync($"{Command}: stopped before the end; nothing written.");
            return 130;
        }
        catch (Exception e) when (e is BenchFailedException or Simulation.SimulationAbortedException)
        {
            await error.WriteLineAsync($"{Command}: FAILED: {e.Message}");
            return 1;
        }
        catch (Exception e) when (e is Azure.RequestFailedException or AggregateException or HttpRequestException)
        {
            await error.WriteLineAsync($"{Command}: FAILED: storage could not be used ({e.Message.Split('\n')[0]}).");
            return 1;
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            // Settings the host refuses, a connection string without endpoints, Azurite not installed.
            await error.WriteLineAsync($"{Command}: {e.Message}");
            return 2;
        }
        finally
        {
            if (azurite is not null)
            {
                await azurite.DisposeAsync();
            }
        }
    }

    static async Task<BenchResults> MeasureAsync(BenchOptions options, string storage, AzuriteServer? azurite, IAnsiConsole console, CancellationToken cancellationToken)
    {
        StorageEndpoints endpoints = StorageEndpoints.Parse(storage);
        await using StorageCountingProxy proxy = await StorageCountingProxy.StartAsync(endpoints, cancellationToken);
        await using var runner = new BenchRunner(options, storage, proxy, azurite);
        DateTimeOffset startedAt = DateTimeOffset.UtcNow;
        console.MarkupLineInterpolated(CultureInfo.InvariantCulture,
            $"Bench: {options.Applications} applications of each kind, {options.InFlight} in flight, policy day {options.PolicyDay:c}; {Environment.ProcessorCount} cores.");
        return await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                ProgressTask starting = context.AddTask("host started, warm-up", maxValue: 1 + (2 * options.Warmup));
                await runner.StartAsync(cancellationToken);
                starting.Increment(1);
                await runner.WarmUpAsync(new Progress<int>(_ => starting.Increment(1)), cancellationToken);
                ProgressTask idleTask = context.AddTask($"idle polling ({options.Idle.TotalSeconds:0} s)", maxValue: 1);
                IdlePolling idle = await runner.MeasureIdleAsync(cancellationToken);
                idleTask.Increment(1);
                ProgressTask bareTask = context.AddTask("(a) bare orchestration", maxValue: options.Applications);
                PhaseResult bare = await runner.RunBareAsync(idle, new Progress<int>(done => bareTask.Value = done), cancellationToken);
                ProgressTask fullTask = context.AddTask("(b) full workflow", maxValue: options.Applications);
                PhaseResult full = await runner.RunFullAsync(idle, new Progress<int>(done => fullTask.Value = done), cancellationToken);
                return new BenchResults(
                    startedAt,
                    $"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}",
                    azurite is null ? "the storage given by --storage" : "Azurite (its own, fresh)",
                    options.Applications,
                    options.InFlight,
                    options.PolicyDay,
                    runner.TaskHub,
                    StoragePrices.StandardV2LrsHot,
                    idle,
                    bare,
                    full,
                    BenchRunner.ProcessPeakWorkingSetMiB(),
                    bare.ApplicationsPerSecond > 0 ? Math.Round(full.ApplicationsPerSecond / bare.ApplicationsPerSecond, 2) : 0);
            });
    }

    /// <summary>Writes the results as JSON into --out; the full path (dotnet run starts the program in the project folder).</summary>
    static async Task<string> WriteAsync<T>(BenchOptions options, string name, T results, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(options.Out);
        string file = Path.Combine(options.Out, name);
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(results, Json), cancellationToken);
        return Path.GetFullPath(file);
    }

    static async Task<WaitingResults> MeasureWaitingAsync(BenchOptions options, string storage, AzuriteServer? azurite, IAnsiConsole console, CancellationToken cancellationToken)
    {
        StorageEndpoints endpoints = StorageEndpoints.Parse(storage);
        await using StorageCountingProxy proxy = await StorageCountingProxy.StartAsync(endpoints, cancellationToken);
        await using var runner = new BenchRunner(options, storage, proxy, azurite);
        DateTimeOffset startedAt = DateTimeOffset.UtcNow;
        console.MarkupLineInterpolated(CultureInfo.InvariantCulture,
            $"Bench, scale in memory: {options.Waiting} applications until each waits on its caseworker, {options.InFlight} in flight, policy day {options.PolicyDay:c}; {Environment.ProcessorCount} cores.");
        return await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                ProgressTask starting = context.AddTask("host started, warm-up", maxValue: 1 + (2 * options.Warmup));
                await runner.StartAsync(cancellationToken);
                starting.Increment(1);
                await runner.WarmUpAsync(new Progress<int>(_ => starting.Increment(1)), cancellationToken);
                ProgressTask submitting = context.AddTask("waiting on the caseworker", maxValue: options.Waiting);
                var clock = System.Diagnostics.Stopwatch.StartNew();
                ProgressTask? reads = null;
                return await runner.RunWaitingAsync(
                    startedAt,
                    new Progress<int>(done =>
                    {
                        submitting.Value = done;
                        submitting.Description = string.Create(CultureInfo.InvariantCulture, $"waiting on the caseworker, {done / Math.Max(clock.Elapsed.TotalSeconds, 0.001):0.00}/s");
                    }),
                    new Progress<string>(step =>
                    {
                        reads ??= context.AddTask("reads with all waiting", maxValue: 4);
                        reads.Description = $"reads with all waiting: {step}";
                        reads.Increment(1);
                    }),
                    cancellationToken);
            });
    }

    /// <summary>The options from the command line, or why they are refused.</summary>
    public static (BenchOptions? Options, string? Problem) Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new BenchOptions();
        var settings = new List<string>();
        for (int i = 1; i < args.Length; i++)
        {
            string argument = args[i];
            string? value = i + 1 < args.Length ? args[i + 1] : null;
            int? number = value is not null && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : null;
            switch (argument)
            {
                case "--applications" when number is int count:
                    options = options with { Applications = count };
                    break;
                case "--in-flight" when number is int inFlight:
                    options = options with { InFlight = inFlight };
                    break;
                case "--timeout" when number is int timeout:
                    options = options with { Timeout = TimeSpan.FromSeconds(timeout) };
                    break;
                case "--idle-seconds" when number is int idle:
                    options = options with { Idle = TimeSpan.FromSeconds(idle) };
                    break;
                case "--warmup" when number is int warmup:
                    options = options with { Warmup = warmup };
                    break;
                case "--waiting" when number is int waiting:
                    options = options with { Waiting = waiting };
                    break;
                case "--status-sample" when number is int sample:
                    options = options with { StatusSample = sample };
                    break;
                case "--read-concurrency" when number is int concurrency:
                    options = options with { ReadConcurrency = concurrency };
                    break;
                case "--processes" when number is int processes:
                    options = options with { Processes = processes };
                    break;
                case "--kill-one":
                    options = options with { KillOne = true };
                    continue; // a flag: no value follows
                case "--out" when value is not null:
                    options = options with { Out = value };
                    break;
                case "--storage" when value is not null:
                    options = options with { Storage = value };
                    break;
                case "--policy-day" when value is not null && TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out TimeSpan day):
                    options = options with { PolicyDay = day };
                    break;
                default:
                    if (CommandSettings.TryAdd(argument, settings))
                    {
                        continue; // a host setting, e.g. --Engine:PartitionCount=2
                    }

                    return (null, $"unexpected or incomplete argument '{argument}'");
            }

            i++;
        }

        options = options with { Settings = settings };
        return options.Problems().ToList() is { Count: > 0 } problems ? (null, string.Join("; ", problems)) : (options, null);
    }

    static int Usage(TextWriter error, string why)
    {
        error.WriteLine($"{Command}: {why}");
        error.WriteLine($"usage: Workflow.LocalHost.dll {Command} [--applications <n>] [--in-flight <m>] [--out <folder>] [--policy-day <hh:mm:ss>] [--timeout <seconds>] [--idle-seconds <s>] [--warmup <n>] [--storage <connection string>] [--Section:Key=value]");
        error.WriteLine($"       Workflow.LocalHost.dll {Command} --waiting <n> [--in-flight <m>] [--status-sample <s>] [--read-concurrency <c>] [...]");
        error.WriteLine($"       Workflow.LocalHost.dll {Command} --processes <p> [--kill-one] [--applications <n>] [--in-flight <m>] [...]");
        return 2;
    }
}
