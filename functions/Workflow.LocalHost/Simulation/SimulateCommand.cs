using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Workflow.Application.Dashboard;

namespace Workflow.LocalHost.Simulation;

/// <summary>
/// The capacity simulation: <c>Workflow.LocalHost.dll simulate simulations/peak-month.json [--out simulations/out]
/// [--policy-day 00:00:20] [--caseworkers 8] [--storage &lt;connection string&gt;] [--name &lt;task hub&gt;] [--Section:Key=value]</c>.
/// Runs the file's synthetic applications through the real workflow on the real engine (<see cref="SimulationDriver"/>),
/// shows a progress bar and, at the end, the lead times per track, SLA compliance, alerts, backlog and caseworker
/// utilisation; writes <c>applications.csv</c> and <c>report.html</c> to the output folder. Returns 0; 2 on a usage
/// error or a file it refuses; 1 when the host kept failing (storage unreachable); 3 when the engine's lag makes the lead times untrustworthy (the reports are still written).
/// </summary>
public static class SimulateCommand
{
    public const string Command = "simulate";

    public const string DefaultOut = "simulations/out";

    public static bool IsCommand(string[] args) => args is [Command, ..];

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        string? file = null, name = null, storage = null;
        string outFolder = DefaultOut;
        TimeSpan? policyDay = null;
        int? caseworkers = null;
        var settings = new List<string>();
        for (int i = 1; i < args.Length; i++)
        {
            string argument = args[i];
            string? value = i + 1 < args.Length ? args[i + 1] : null;
            switch (argument)
            {
                case "--out" when value is not null:
                    outFolder = value;
                    i++;
                    break;
                case "--storage" when value is not null:
                    storage = value;
                    i++;
                    break;
                case "--name" when value is not null:
                    name = value;
                    i++;
                    break;
                case "--policy-day" when value is not null && TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out TimeSpan day):
                    policyDay = day;
                    i++;
                    break;
                case "--caseworkers" when value is not null && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int count):
                    caseworkers = count;
                    i++;
                    break;
                default:
                    if (CommandSettings.TryAdd(argument, settings))
                    {
                        break; // a host setting, e.g. --Engine:PartitionCount=2
                    }

                    if (file is null && !argument.StartsWith("--", StringComparison.Ordinal))
                    {
                        file = argument;
                        break;
                    }

                    return Usage(error, $"unexpected or incomplete argument '{argument}'");
            }
        }

        if (file is null)
        {
            return Usage(error, "name the simulation file");
        }

        SimulationConfig config;
        try
        {
            config = SimulationConfig.Read(await File.ReadAllTextAsync(file, cancellationToken));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return Usage(error, $"cannot read {file}: {e.Message}");
        }

        if (policyDay is TimeSpan overridden)
        {
            config = config with { PolicyDayLength = overridden };
        }

        if (caseworkers is int pool)
        {
            config = config with { Caseworkers = config.Caseworkers with { Count = pool } };
        }

        if (config.Problems() is { Count: > 0 } problems)
        {
            return Usage(error, $"{file}: {string.Join("; ", problems)}");
        }

        name ??= SimulationHost.NewName(DateTimeOffset.UtcNow);
        IConfiguration configuration = CommandSettings.Build(settings);
        storage ??= configuration["Storage:ConnectionString"] ?? "UseDevelopmentStorage=true";
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = ReferenceEquals(output, Console.Out) ? AnsiSupport.Detect : AnsiSupport.No, // colours for a terminal, not for a file or a test
        });
        console.Profile.Width = Math.Max(console.Profile.Width, 140); // redirected output reports 80 columns: too narrow for the tables

        // Inflow must stay below a share of what the engine sustains, or lead times measure the engine.
        TimeSpan minimum = EngineBudget.MinimumPolicyDay(config);
        TimeSpan length = config.PolicyDayLength;
        if (length < minimum)
        {
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                $"[yellow]policyDayLength {length:c} is too short for the busiest day's {ArrivalSchedule.PeakDailyInflow(config):0.#} arrivals (at most {config.Engine.MaxLoadShare:P0} of {config.Engine.SustainedWorkflowsPerSecond} workflows/s): raised to {minimum:c}.[/]");
            length = minimum;
        }

        double capacity = CaseworkerCapacity.Capacity(config.Caseworkers, 0, config.PeriodDays);
        console.MarkupLineInterpolated(CultureInfo.InvariantCulture,
            $"Simulating {config.Applications} applications over {config.PeriodDays} policy days (seed {config.Seed}) against {config.Caseworkers.Count} caseworkers: capacity {capacity:0} decisions in the period. Policy day {length:c}; task hub [bold]{name}[/].");

        await using var driver = new SimulationDriver(config, new SimulationHost(name, storage, settings), length);
        SimulationResults results;
        try
        {
            (Uri root, string managerToken) = await driver.StartAsync(cancellationToken);

            // Unwrapped, so the token copies whole.
            await output.WriteLineAsync($"Watch it live: {root} (the dashboard: {root}dashboard), signed in as manager with this token:");
            await output.WriteLineAsync(managerToken);
            results = await console.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .StartAsync(async context =>
                {
                    ProgressTask days = context.AddTask("policy days", maxValue: config.MaxDays);
                    ProgressTask submitted = context.AddTask("submitted", maxValue: config.Applications);
                    ProgressTask closed = context.AddTask("decided", maxValue: config.Applications);
                    var progress = new Progress<SimulationProgress>(p =>
                    {
                        days.Value = Math.Min(p.Day, p.MaxDays);
                        submitted.Value = p.Submitted;
                        closed.Value = p.Closed;
                        closed.Description = $"decided (worklist {p.AwaitingCaseworker})";
                    });
                    return await driver.RunAsync(progress, cancellationToken);
                });
        }
        catch (SimulationAbortedException e)
        {
            await error.WriteLineAsync($"{Command}: FAILED: {e.Message}");
            return 1;
        }
        catch (Exception e) when (e is Azure.RequestFailedException or AggregateException or HttpRequestException)
        {
            await error.WriteLineAsync($"{Command}: FAILED: storage could not be used ({e.Message.Split('\n')[0]}); is Azurite running (scripts/start-local.sh starts it)?");
            return 1;
        }
        catch (InvalidOperationException e)
        {
            // Settings the host refuses (see Program), or storage it cannot provision.
            await error.WriteLineAsync($"{Command}: {e.Message}");
            return 2;
        }

        Directory.CreateDirectory(outFolder);
        string csv = Path.Combine(outFolder, "applications.csv");
        string html = Path.Combine(outFolder, "report.html");
        await File.WriteAllTextAsync(csv, SimulationReport.Csv(results), cancellationToken);
        await File.WriteAllTextAsync(html, SimulationReport.Html(results), cancellationToken);
        Show(console, results);
        console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Wrote {csv} and {html}.");

        if (EngineBudget.LatencyProblem(results.EventLatencySeconds, results.PolicyDayLength, config.Engine.MaxLatencyShareOfDay) is string lag)
        {
            await error.WriteLineAsync($"{Command}: FAILED: {lag}");
            return 3;
        }

        return 0;
    }

    /// <summary>The result tables on the console.</summary>
    public static void Show(IAnsiConsole console, SimulationResults results)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(results);
        Table tracks = new Table().Title("Lead time per track (policy days, submission to decision; the SLA clock's days beside)")
            .AddColumn(new TableColumn("track").NoWrap())
            .AddColumns("files", "decided", "p50", "p90", "max", "average", "clock max", "clock avg", "SLA met")
            .AddColumn(new TableColumn("target").NoWrap())
            .AddColumn("holds");
        foreach (TrackFigures t in SimulationStatistics.ByTrack(results.Applications))
        {
            tracks.AddRow(
                t.Track,
                t.Applications.ToString(CultureInfo.InvariantCulture),
                t.Decided.ToString(CultureInfo.InvariantCulture),
                SimulationReport.Days(t.P50),
                SimulationReport.Days(t.P90),
                SimulationReport.Days(t.Max),
                SimulationReport.Days(t.Mean),
                SimulationReport.Days(t.ClockMax),
                SimulationReport.Days(t.ClockMean),
                SimulationReport.Share(t.SlaCompliance),
                string.Create(CultureInfo.InvariantCulture, $"clock {t.TargetRule} ≤ {t.TargetDays:0}"),
                t.Holds ? "[green]yes[/]" : "[red]no[/]");
        }

        console.Write(tracks);
        Table alerts = new Table().Title("Alerts and escalations").AddColumns("milestone → audience", "count");
        foreach ((string kind, int count) in results.AlertsByKind)
        {
            alerts.AddRow(Markup.Escape(kind), count.ToString(CultureInfo.InvariantCulture));
        }

        console.Write(alerts);
        Table backlog = new Table().Title("Backlog at the end of each policy day").AddColumns("day", "submitted", "open", "awaiting caseworker", "decisions offered", "taken");
        foreach (BacklogSample b in results.Backlog)
        {
            backlog.AddRow([.. new[] { b.Day, b.Submitted, b.Open, b.AwaitingCaseworker, b.SlotsOffered, b.SlotsUsed }.Select(n => n.ToString(CultureInfo.InvariantCulture))]);
        }

        console.Write(backlog);
        if (results.Applications.Count < results.Planned || results.Refusals.Count > 0)
        {
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                $"[yellow]{results.Applications.Count} of {results.Planned} planned applications were submitted; the host refused {results.Refusals.Count} requests:[/]");
            foreach (string refusal in results.Refusals.Take(5))
            {
                console.WriteLine("  " + refusal, Style.Plain);
            }
        }

        double? p99 = KpiMath.Percentile(results.EventLatencySeconds, 99);
        console.MarkupLineInterpolated(CultureInfo.InvariantCulture,
            $"Caseworker utilisation {SimulationReport.Share(SimulationStatistics.Utilisation(results.Backlog, results.Config.PeriodDays))} in the {results.Config.PeriodDays} days of inflow, {SimulationReport.Share(SimulationStatistics.Utilisation(results.SlotsOffered, results.SlotsUsed))} over the run ({results.SlotsUsed} of {results.SlotsOffered} decision slots). Event → workflow latency p99 {p99?.ToString("0.000", CultureInfo.InvariantCulture) ?? "–"} s = {SimulationStatistics.LatencyShareP99(results.EventLatencySeconds, results.PolicyDayLength)?.ToString("P1", CultureInfo.InvariantCulture) ?? "–"} of a policy day ({results.EventLatencySeconds.Count} events).");
    }

    static int Usage(TextWriter error, string why)
    {
        error.WriteLine($"{Command}: {why}");
        error.WriteLine($"usage: Workflow.LocalHost.dll {Command} <simulation.json> [--out <folder>] [--policy-day <hh:mm:ss>] [--caseworkers <n>] [--storage <connection string>] [--name <task hub>] [--Section:Key=value]");
        return 2;
    }
}
