using System.Globalization;
using Spectre.Console;

namespace Workflow.LocalHost.Bench;

/// <summary>The bench's tables on the console: (a) and (b) side by side, then idle polling per queue.</summary>
public static class BenchReport
{
    public static void Show(IAnsiConsole console, BenchResults results)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(results);
        PhaseResult a = results.Bare, b = results.Full;
        Table table = new Table()
            .Title($"Bench: {results.Applications} applications each, {results.InFlight} in flight, on {Markup.Escape(results.Storage)} ({Markup.Escape(results.Machine)})")
            .AddColumn(new TableColumn("").NoWrap())
            .AddColumn(new TableColumn(a.Name).RightAligned())
            .AddColumn(new TableColumn(b.Name).RightAligned())
            .AddColumn(new TableColumn("(b)/(a)").RightAligned());
        void Row(string label, double? left, double? right, string format)
        {
            table.AddRow(
                label,
                left?.ToString(format, CultureInfo.InvariantCulture) ?? "–",
                right?.ToString(format, CultureInfo.InvariantCulture) ?? "–",
                left is > 0 && right is double r ? (r / left.Value).ToString("0.00", CultureInfo.InvariantCulture) : "–");
        }

        void Percentiles(string label, Percentiles left, Percentiles right) => table.AddRow(label, Text(left), Text(right), "–");

        table.AddRow("completed / started", $"{a.Completed} / {a.Applications}", $"{b.Completed} / {b.Applications}", "–");
        Row("duration (s)", a.Seconds, b.Seconds, "0.0");
        Row("applications / s", a.ApplicationsPerSecond, b.ApplicationsPerSecond, "0.00");
        Row("durable work items / s", a.WorkItemsPerSecond, b.WorkItemsPerSecond, "0.0");
        Row("work items / application (episodes + activities)", a.WorkItemsPerApplication, b.WorkItemsPerApplication, "0.0");
        Percentiles("submission → completed p50 / p95 / p99 (s)", a.SubmissionToCompleted, b.SubmissionToCompleted);
        Percentiles("federal answer → resumed p50 / p95 / p99 (s)", a.FederalAnswerToResumed, b.FederalAnswerToResumed);
        Percentiles("caseworker event → resumed p50 / p95 / p99 (s)", a.CaseworkerToResumed, b.CaseworkerToResumed);
        Row("CPU ms / application (this process)", a.CpuMillisecondsPerApplication, b.CpuMillisecondsPerApplication, "0");
        Row("  of which the JIT compiling", a.JitMillisecondsPerApplication, b.JitMillisecondsPerApplication, "0");
        Row("CPU ms / application (Azurite)", a.AzuriteCpuMillisecondsPerApplication, b.AzuriteCpuMillisecondsPerApplication, "0");
        Row("cores busy: this process", a.CoresBusy, b.CoresBusy, "0.00");
        Row("cores busy: Azurite (of its one)", a.AzuriteCoresBusy, b.AzuriteCoresBusy, "0.00");
        Row("peak working set (MiB)", a.PeakWorkingSetMiB, b.PeakWorkingSetMiB, "0");
        Row("storage requests / application", a.Storage.TotalPerApplication, b.Storage.TotalPerApplication, "0");
        Row("  queue / table / blob", null, null, "0");
        table.Rows.Update(table.Rows.Count - 1, 1, new Text(Split(a.Storage, withoutIdle: false)));
        table.Rows.Update(table.Rows.Count - 1, 2, new Text(Split(b.Storage, withoutIdle: false)));
        Row("storage requests / application, idle polling taken off", a.Storage.TotalPerApplicationWithoutIdle, b.Storage.TotalPerApplicationWithoutIdle, "0");
        Row("  queue / table / blob", null, null, "0");
        table.Rows.Update(table.Rows.Count - 1, 1, new Text(Split(a.Storage, withoutIdle: true)));
        table.Rows.Update(table.Rows.Count - 1, 2, new Text(Split(b.Storage, withoutIdle: true)));
        Row("storage cost per 1,000 applications (USD)", (double)a.Storage.CostPer1000Applications, (double)b.Storage.CostPer1000Applications, "0.000");
        Row("  idle polling taken off (USD)", (double)a.Storage.CostPer1000ApplicationsWithoutIdle, (double)b.Storage.CostPer1000ApplicationsWithoutIdle, "0.000");
        Row("API refusals (retried)", a.Refusals, b.Refusals, "0");
        console.Write(table);

        ShowTimeSplit(console, a, b);

        Table idle = new Table()
            .Title(string.Create(CultureInfo.InvariantCulture, $"Idle polling over {results.IdlePolling.Seconds:0.0} s: {results.IdlePolling.RequestsPerSecond:0.0} requests/s in all, {results.IdlePolling.CostPerDay:0.00} USD a day"))
            .AddColumn("queue")
            .AddColumn(new TableColumn("requests / s").RightAligned());
        foreach ((string queue, double perSecond) in results.IdlePolling.QueueRequestsPerSecond)
        {
            idle.AddRow(Markup.Escape(queue), perSecond.ToString("0.00", CultureInfo.InvariantCulture));
        }

        double others = results.IdlePolling.Requests.Where(r => r.Service != "queue").Sum(r => r.Count);
        idle.AddRow("(tables and blobs)", others.ToString("0.00", CultureInfo.InvariantCulture));
        console.Write(idle);
        console.MarkupLineInterpolated(CultureInfo.InvariantCulture,
            $"Prices: queue write {results.PricesPer10000Requests.QueueWrite} / read {results.PricesPer10000Requests.QueueRead}, table {results.PricesPer10000Requests.Table}, blob write {results.PricesPer10000Requests.BlobWrite} / read {results.PricesPer10000Requests.BlobRead} USD per 10,000 (Standard GPv2 LRS Hot, East US; see StoragePrices). Peak working set of the process over the run: {results.ProcessPeakWorkingSetMiB:0} MiB.");
    }

    /// <summary>Where an application's time went on each side, from the engine's histories: mean seconds and share.</summary>
    static void ShowTimeSplit(IAnsiConsole console, PhaseResult a, PhaseResult b)
    {
        Table table = new Table()
            .Title("Where an application's time went: mean seconds per application (share), from each instance's history")
            .AddColumn(new TableColumn("part").NoWrap())
            .AddColumn(new TableColumn(a.Name).RightAligned())
            .AddColumn(new TableColumn(b.Name).RightAligned());
        string Cell(PhaseResult side, string part) => side.TimeSplit.FirstOrDefault(p => p.Part == part) is TimePart found
            ? string.Create(CultureInfo.InvariantCulture, $"{found.MeanSeconds:0.000} ({found.Share:0%})")
            : "–";
        foreach (string part in b.TimeSplit.Concat(a.TimeSplit).Select(p => p.Part).Distinct(StringComparer.Ordinal))
        {
            table.AddRow(Markup.Escape(part), Cell(a, part), Cell(b, part));
        }

        table.AddRow(
            "whole (start → end of the last episode)",
            a.TimeSplit.Sum(p => p.MeanSeconds).ToString("0.000", CultureInfo.InvariantCulture),
            b.TimeSplit.Sum(p => p.MeanSeconds).ToString("0.000", CultureInfo.InvariantCulture));
        console.Write(table);
    }

    /// <summary>The waiting run: memory with all applications waiting, then the read latencies in milliseconds.</summary>
    public static void ShowWaiting(IAnsiConsole console, WaitingResults results)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(results);
        MemoryGrowth growth = results.Growth;
        Table memory = new Table()
            .Title(string.Create(CultureInfo.InvariantCulture,
                $"Scale in memory: {results.Applications} applications waiting on their caseworker (reached in {results.SubmissionSeconds:0} s, {results.ApplicationsPerSecond:0.00}/s, {results.InFlight} in flight), {(results.ServerGc ? "server" : "workstation")} GC, {Markup.Escape(results.Machine)}"))
            .AddColumn(new TableColumn("this process (host, proxy and driver)").NoWrap())
            .AddColumn(new TableColumn("working set (MiB)").RightAligned())
            .AddColumn(new TableColumn("GC heap (MiB)").RightAligned())
            .AddColumn(new TableColumn("GC committed (MiB)").RightAligned());
        void Memory(string label, MemorySnapshot m) => memory.AddRow(
            label,
            m.WorkingSetMiB.ToString("0", CultureInfo.InvariantCulture),
            m.GcHeapMiB.ToString("0.0", CultureInfo.InvariantCulture),
            m.GcCommittedMiB.ToString("0", CultureInfo.InvariantCulture));
        Memory("before the first (after warm-up, full collection)", results.Baseline);
        Memory(string.Create(CultureInfo.InvariantCulture, $"{results.Applications} waiting"), results.AllWaiting);
        Memory(string.Create(CultureInfo.InvariantCulture, $"{results.Applications} waiting, after a full collection"), results.AllWaitingCollected);
        memory.AddRow(
            "per waiting application (KiB)",
            growth.WorkingSetKiBPerApplication.ToString("0.0", CultureInfo.InvariantCulture),
            growth.GcHeapKiBPerApplication.ToString("0.0", CultureInfo.InvariantCulture),
            "–");
        memory.AddRow(
            string.Create(CultureInfo.InvariantCulture, $"extrapolated to {growth.ExtrapolatedTo:N0} (straight line from the baseline: an upper bound, first-use growth counted per application; compare two sizes)"),
            growth.ExtrapolatedWorkingSetMiB.ToString("0", CultureInfo.InvariantCulture),
            growth.ExtrapolatedGcHeapMiB.ToString("0", CultureInfo.InvariantCulture),
            "–");
        console.Write(memory);

        Table reads = new Table()
            .Title(string.Create(CultureInfo.InvariantCulture, $"Reads as a caseworker with {results.Applications} waiting (ms)"))
            .AddColumn(new TableColumn("read").NoWrap())
            .AddColumn(new TableColumn("requests (failed)").RightAligned())
            .AddColumn(new TableColumn("p50").RightAligned())
            .AddColumn(new TableColumn("p95").RightAligned())
            .AddColumn(new TableColumn("p99").RightAligned())
            .AddColumn(new TableColumn("max").RightAligned());
        foreach (ReadTimings read in new[] { results.StatusSequential, results.StatusConcurrent, results.WorklistFirstPage, results.WorklistFollowingPages })
        {
            reads.AddRow(
                Markup.Escape(read.Name),
                string.Create(CultureInfo.InvariantCulture, $"{read.Requests} ({read.Failures})"),
                Milliseconds(read.Seconds.P50),
                Milliseconds(read.Seconds.P95),
                Milliseconds(read.Seconds.P99),
                Milliseconds(read.Seconds.Max));
        }

        console.Write(reads);
        console.MarkupLineInterpolated(CultureInfo.InvariantCulture,
            $"Sampled statuses not awaiting the decision: {results.StatusNotWaiting}; the run's applications found walking the worklist ({BenchRunner.WorklistPageSize} a page): {results.WorklistFound} of {results.Applications}; API refusals: {results.Refusals}.");
    }

    /// <summary>The run on several processes: throughput and the books, then each process, then who held which partition when.</summary>
    public static void ShowProcesses(IAnsiConsole console, ProcessesResults results)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(results);
        Table run = new Table()
            .Title(string.Create(CultureInfo.InvariantCulture,
                $"Full workflow on {results.Processes} host process(es), one task hub{(results.KillOne ? ", one SIGKILLed half-way" : string.Empty)}: {results.Applications} applications, {results.InFlight} in flight ({Markup.Escape(results.Machine)})"))
            .AddColumn(new TableColumn("").NoWrap())
            .AddColumn(new TableColumn("").RightAligned());
        run.AddRow("completed / submitted", string.Create(CultureInfo.InvariantCulture, $"{results.Completed} / {results.Applications}"));
        run.AddRow("without exactly one decision in the timeline", results.NotDecidedOnce.Count.ToString(CultureInfo.InvariantCulture));
        run.AddRow("duration (s)", results.Seconds.ToString("0.0", CultureInfo.InvariantCulture));
        run.AddRow("applications / s", results.ApplicationsPerSecond.ToString("0.00", CultureInfo.InvariantCulture));
        run.AddRow("submission → completed p50 / p95 / p99 (s)", Text(results.SubmissionToCompleted));
        run.AddRow("storage requests / application (idle polling included)", results.StorageRequestsPerApplication.ToString("0", CultureInfo.InvariantCulture));
        run.AddRow("API refusals (retried)", results.Refusals.ToString(CultureInfo.InvariantCulture));
        run.AddRow("engine settings of the run", results.EngineSettings.Count == 0 ? "defaults" : Markup.Escape(string.Join(' ', results.EngineSettings)));
        console.Write(run);

        Table hosts = new Table()
            .AddColumn("worker id")
            .AddColumn(new TableColumn("pid").RightAligned())
            .AddColumn(new TableColumn("CPU (s)").RightAligned())
            .AddColumn(new TableColumn("peak working set (MiB)").RightAligned())
            .AddColumn(new TableColumn("killed at (s)").RightAligned())
            .AddColumn("partitions held (from – to, s into the run)");
        foreach (HostProcessResult host in results.Hosts)
        {
            hosts.AddRow(
                Markup.Escape(host.WorkerId),
                host.ProcessId.ToString(CultureInfo.InvariantCulture),
                host.CpuSeconds.ToString("0.0", CultureInfo.InvariantCulture),
                host.PeakWorkingSetMiB.ToString("0", CultureInfo.InvariantCulture),
                host.KilledAtSeconds?.ToString("0.0", CultureInfo.InvariantCulture) ?? "–",
                Markup.Escape(string.Join(", ", results.Partitions.Where(p => p.Owner == host.WorkerId).Select(p =>
                    string.Create(CultureInfo.InvariantCulture, $"{Short(p.Partition)} ({p.FromSeconds:0}–{p.ToSeconds:0})")))));
        }

        console.Write(hosts);
        foreach (string problem in results.NotDecidedOnce)
        {
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]not decided exactly once:[/] {problem}");
        }
    }

    /// <summary>"benchhub-control-02" as "control-02".</summary>
    static string Short(string partition) => partition.Contains("-control-", StringComparison.Ordinal) ? partition[(partition.IndexOf("-control-", StringComparison.Ordinal) + 1)..] : partition;

    static string Milliseconds(double? seconds) => seconds is double s ? (s * 1000).ToString("0", CultureInfo.InvariantCulture) : "–";

    static string Text(Percentiles p) => p.Count == 0
        ? "–"
        : string.Create(CultureInfo.InvariantCulture, $"{p.P50:0.000} / {p.P95:0.000} / {p.P99:0.000}");

    static string Split(StorageFigures s, bool withoutIdle) => withoutIdle
        ? string.Create(CultureInfo.InvariantCulture, $"{s.QueuePerApplicationWithoutIdle:0} / {s.TablePerApplicationWithoutIdle:0} / {s.BlobPerApplicationWithoutIdle:0}")
        : string.Create(CultureInfo.InvariantCulture, $"{s.QueuePerApplication:0} / {s.TablePerApplication:0} / {s.BlobPerApplication:0}");
}
