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
        Row("CPU ms / application (Azurite)", a.AzuriteCpuMillisecondsPerApplication, b.AzuriteCpuMillisecondsPerApplication, "0");
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

    static string Text(Percentiles p) => p.Count == 0
        ? "–"
        : string.Create(CultureInfo.InvariantCulture, $"{p.P50:0.000} / {p.P95:0.000} / {p.P99:0.000}");

    static string Split(StorageFigures s, bool withoutIdle) => withoutIdle
        ? string.Create(CultureInfo.InvariantCulture, $"{s.QueuePerApplicationWithoutIdle:0} / {s.TablePerApplicationWithoutIdle:0} / {s.BlobPerApplicationWithoutIdle:0}")
        : string.Create(CultureInfo.InvariantCulture, $"{s.QueuePerApplication:0} / {s.TablePerApplication:0} / {s.BlobPerApplication:0}");
}
