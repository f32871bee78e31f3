using System.Globalization;
using System.Net;
using System.Text;
using Workflow.Application.Dashboard;

namespace Workflow.LocalHost.Simulation;

/// <summary>
/// The run's written results: a CSV with one row per application (ids, category, track, days, outcome: no personal
/// data) and a self-contained HTML report (figures and inline SVG charts drawn here; nothing fetched).
/// </summary>
public static class SimulationReport
{
    public const string CsvHeader = "application_id,number,category,track,in_peak,submitted_day,decided_day,lead_time_days,sla_clock_days,sla_state,sla_met,outcome";

    public static string Csv(SimulationResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var csv = new StringBuilder(CsvHeader).Append('\n');
        foreach (ApplicationResult a in results.Applications)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{a.ApplicationId},{a.Number},{a.Category},{a.Track},{(a.InPeak ? "true" : "false")},")
                .Append(CultureInfo.InvariantCulture, $"{a.SubmittedDay:0.000},{a.DecidedDay?.ToString("0.000", CultureInfo.InvariantCulture)},{a.LeadTimeDays?.ToString("0.000", CultureInfo.InvariantCulture)},{a.ClockDays:0.000},")
                .Append(CultureInfo.InvariantCulture, $"{a.SlaState},{(a.SlaMet is bool met ? met ? "true" : "false" : "")},{a.Outcome}\n");
        }

        return csv.ToString();
    }

    public static string Html(SimulationResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        SimulationConfig c = results.Config;
        IReadOnlyList<TrackFigures> tracks = SimulationStatistics.ByTrack(results.Applications);
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Capacity simulation</title><style>")
            .Append("body{font:14px system-ui,sans-serif;margin:2em;max-width:960px;color:#222}table{border-collapse:collapse;margin:1em 0}")
            .Append("th,td{border:1px solid #ccc;padding:4px 8px;text-align:right}th:first-child,td:first-child{text-align:left}")
            .Append(".ok{color:#1a7f37}.no{color:#b42318}svg{background:#fafafa;border:1px solid #ddd}</style></head><body>")
            .Append("<h1>Capacity simulation</h1>")
            .Append(CultureInfo.InvariantCulture, $"<p>{c.Applications} applications over {c.PeriodDays} policy days; {c.Caseworkers.Count} caseworkers × {c.Caseworkers.DecisionsPerDay} decisions per working day, {c.Caseworkers.WorkingDaysPerWeek} working days a week; seed {c.Seed}; ")
            .Append(CultureInfo.InvariantCulture, $"policy day {results.PolicyDayLength.TotalSeconds:0.###} s; task hub {Encode(results.TaskHub)}; ran {results.DaysRun:0.#} policy days.</p>")
            .Append("<h2>Lead time per track (policy days)</h2><table><tr><th>track</th><th>files</th><th>decided</th><th>p50</th><th>p90</th><th>max</th><th>average</th><th>SLA clock max</th><th>SLA clock average</th><th>SLA met</th><th>target</th><th>holds</th></tr>");
        foreach (TrackFigures t in tracks)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Encode(t.Track)}</td><td>{t.Applications}</td><td>{t.Decided}</td><td>{Days(t.P50)}</td><td>{Days(t.P90)}</td><td>{Days(t.Max)}</td><td>{Days(t.Mean)}</td><td>{Days(t.ClockMax)}</td><td>{Days(t.ClockMean)}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td>{Share(t.SlaCompliance)}</td><td>clock {t.TargetRule} ≤ {t.TargetDays:0}</td><td class=\"{(t.Holds ? "ok" : "no")}\">{(t.Holds ? "yes" : "no")}</td></tr>");
        }

        html.Append("</table>")
            .Append(CultureInfo.InvariantCulture, $"<p>Caseworker utilisation: {Share(SimulationStatistics.Utilisation(results.Backlog, c.PeriodDays))} in the {c.PeriodDays} days of inflow, {Share(SimulationStatistics.Utilisation(results.SlotsOffered, results.SlotsUsed))} over the whole run ({results.SlotsUsed} of {results.SlotsOffered} decision slots). ")
            .Append(CultureInfo.InvariantCulture, $"Event → workflow latency p99: {KpiMath.Percentile(results.EventLatencySeconds, 99)?.ToString("0.000", CultureInfo.InvariantCulture) ?? "–"} s ({SimulationStatistics.LatencyShareP99(results.EventLatencySeconds, results.PolicyDayLength)?.ToString("P1", CultureInfo.InvariantCulture) ?? "–"} of a policy day; limit {c.Engine.MaxLatencyShareOfDay:P1}).</p>")
            .Append(CultureInfo.InvariantCulture, $"<p>Submitted {results.Applications.Count} of {results.Planned} planned applications; requests the host refused: {results.Refusals.Count}.</p>")
            .Append("<h2>Alerts and escalations</h2><table><tr><th>milestone → audience</th><th>count</th></tr>");
        foreach ((string kind, int count) in results.AlertsByKind)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Encode(kind)}</td><td>{count}</td></tr>");
        }

        if (results.AlertsByKind.Count == 0)
        {
            html.Append("<tr><td>none</td><td>0</td></tr>");
        }

        html.Append("</table><h2>Lead-time histogram</h2>").Append(Histogram(results))
            .Append("<h2>Backlog over time</h2>").Append(BacklogChart(results.Backlog))
            .Append("<p>Open: submitted and not yet decided. Awaiting caseworker: on the worklist, waiting for a decision.</p></body></html>");
        return html.ToString();
    }

    static string Histogram(SimulationResults results)
    {
        IReadOnlyDictionary<string, int[]> bars = SimulationStatistics.LeadTimeHistogram(results.Applications, 61);
        if (bars.Count == 0)
        {
            return "<p>No application was decided.</p>";
        }

        int last = bars.Values.Max(b => Array.FindLastIndex(b, n => n > 0)) + 1;
        int highest = bars.Values.Max(b => b.Max());
        const int Width = 900, Height = 220, Left = 40, Bottom = 30;
        double band = (Width - Left - 10) / (double)last;
        double barWidth = band / bars.Count;
        string[] colours = ["#2f6fdf", "#e07b00", "#7a3fbf", "#1a7f37"];
        var svg = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height + 30}\" role=\"img\" aria-label=\"Lead-time histogram per track\">"));
        Axes(svg, Width, Height, Left, Bottom, highest, last, "lead time (policy days)");
        int series = 0;
        foreach ((string track, int[] counts) in bars)
        {
            string colour = colours[series % colours.Length];
            for (int day = 0; day < last; day++)
            {
                if (counts[day] == 0)
                {
                    continue;
                }

                double h = (Height - Bottom - 10) * counts[day] / (double)highest;
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Left + (day * band) + (series * barWidth):0.#}\" y=\"{Height - Bottom - h:0.#}\" width=\"{Math.Max(1, barWidth - 1):0.#}\" height=\"{h:0.#}\" fill=\"{colour}\"><title>{Encode(track)}: {counts[day]} decided in day {day}</title></rect>");
            }

            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Left + 10 + (series * 170)}\" y=\"{Height + 8}\" width=\"12\" height=\"12\" fill=\"{colour}\"/><text x=\"{Left + 26 + (series * 170)}\" y=\"{Height + 18}\" font-size=\"12\">{Encode(track)}</text>");
            series++;
        }

        return svg.Append("</svg>").ToString();
    }

    static string BacklogChart(IReadOnlyList<BacklogSample> backlog)
    {
        if (backlog.Count == 0)
        {
            return "<p>No day was completed.</p>";
        }

        const int Width = 900, Height = 220, Left = 40, Bottom = 30;
        int highest = Math.Max(1, backlog.Max(b => Math.Max(b.Open, b.AwaitingCaseworker)));
        int days = backlog[^1].Day + 1;
        var svg = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height + 30}\" role=\"img\" aria-label=\"Backlog per policy day\">"));
        Axes(svg, Width, Height, Left, Bottom, highest, days, "policy day");
        string Line(Func<BacklogSample, int> value) => string.Join(' ', backlog.Select(b =>
            string.Create(CultureInfo.InvariantCulture, $"{Left + ((b.Day + 1) * (Width - Left - 10) / (double)days):0.#},{Height - Bottom - ((Height - Bottom - 10) * value(b) / (double)highest):0.#}")));
        svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"#2f6fdf\" stroke-width=\"2\" points=\"{Line(b => b.Open)}\"/>")
            .Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"#e07b00\" stroke-width=\"2\" points=\"{Line(b => b.AwaitingCaseworker)}\"/>")
            .Append(CultureInfo.InvariantCulture, $"<rect x=\"{Left + 10}\" y=\"{Height + 8}\" width=\"12\" height=\"12\" fill=\"#2f6fdf\"/><text x=\"{Left + 26}\" y=\"{Height + 18}\" font-size=\"12\">open</text>")
            .Append(CultureInfo.InvariantCulture, $"<rect x=\"{Left + 110}\" y=\"{Height + 8}\" width=\"12\" height=\"12\" fill=\"#e07b00\"/><text x=\"{Left + 126}\" y=\"{Height + 18}\" font-size=\"12\">awaiting caseworker</text>");
        return svg.Append("</svg>").ToString();
    }

    static void Axes(StringBuilder svg, int width, int height, int left, int bottom, int highest, int columns, string xLabel)
    {
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{height - bottom}\" x2=\"{width - 10}\" y2=\"{height - bottom}\" stroke=\"#555\"/>")
            .Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"10\" x2=\"{left}\" y2=\"{height - bottom}\" stroke=\"#555\"/>")
            .Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 6}\" y=\"16\" font-size=\"11\" text-anchor=\"end\">{highest}</text>")
            .Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 6}\" y=\"{height - bottom}\" font-size=\"11\" text-anchor=\"end\">0</text>");
        int step = Math.Max(1, (int)Math.Ceiling(columns / 15.0));
        for (int x = 0; x <= columns; x += step)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left + (x * (width - left - 10) / (double)columns):0.#}\" y=\"{height - bottom + 14}\" font-size=\"11\" text-anchor=\"middle\">{x}</text>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{width / 2}\" y=\"{height - 2}\" font-size=\"11\" text-anchor=\"middle\">{xLabel}</text>");
    }

    public static string Days(double? days) => days?.ToString("0.0", CultureInfo.InvariantCulture) ?? "–";

    public static string Share(double? share) => share?.ToString("P0", CultureInfo.InvariantCulture) ?? "–";

    static string Encode(string text) => WebUtility.HtmlEncode(text);
}
