using System.Globalization;
using System.Text.Json.Nodes;
using Workflow.FunctionalTests.Infrastructure;
using Workflow.LocalHost.Simulation;

namespace Workflow.FunctionalTests.Simulation;

/// <summary>
/// The simulate command end to end on the real engine: a tiny run (6 applications, 2 caseworkers, 4-second policy
/// days) through its command line, then every figure it wrote checked against the applications' own status, read
/// through the API of a second host on the run's task hub.
/// </summary>
[Collection(HeavyTests.Name)]
public sealed class SimulateCommandTests
{
    const string File = """
        {
          "seed": 7,
          "applications": 6,
          "periodDays": 3,
          "categories": { "highly-skilled": 1, "medium-skilled-shortage": 1, "work-card": 1, "professional-card": 1 },
          "caseworkers": { "count": 2, "decisionsPerDay": 2, "workingDaysPerWeek": 7, "refusalRate": 0.3 },
          "applicants": { "latePaymentShare": 0.4, "latePaymentDays": { "min": 1, "max": 2 },
                          "missingDocumentShare": 0.4, "missingDocumentDays": { "min": 1, "max": 2 } },
          "peaks": [ { "fromDay": 0, "toDay": 1, "inflowFactor": 1, "declared": true } ],
          "federalOffice": { "acknowledgeAfterDays": 0.2, "decisionAfterDaysMin": 1, "decisionAfterDaysMax": 3, "refusalRate": 0.3 },
          "policyDayLength": "00:00:04",
          // A test cannot afford the 1 % latency rule at 4-second days; 4 rather than 2 so that the engine's lag on a loaded
          // machine moves no submission across the peak's margins below.
          "engine": { "maxLoadShare": 1, "maxLatencyShareOfDay": 1 },
          "maxDays": 40
        }
        """;

    [Fact]
    public async Task A_tiny_simulation_reports_what_each_application_s_status_says()
    {
        AzuriteServer azurite = await TestAzurite.GetAsync();
        string folder = Path.Combine(Path.GetTempPath(), "permit-simulate-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        string file = Path.Combine(folder, "tiny.json");
        await System.IO.File.WriteAllTextAsync(file, File);
        string name = "s" + Guid.NewGuid().ToString("N")[..10];
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);

        int exit = await SimulateCommand.RunAsync(
            [
                SimulateCommand.Command, file, "--out", Path.Combine(folder, "out"), "--storage", azurite.ConnectionString, "--name", name,
                $"--Auth:SigningKey={PermitHostOptions.SigningKey}",
                $"--FederalWebhook:Secret={PermitHostOptions.WebhookSecret}",
                $"--PaymentProvider:WebhookSecret={PermitHostOptions.PaymentSecret}",
            ],
            output,
            error);

        // 3: the figures are written, but the engine lagged more than the file allows; on a loaded machine that can
        // happen even at the 100 % this file allows at 4-second days. It must say so; the figures must still agree.
        Assert.True(exit == 0 || (exit == 3 && error.ToString().Contains("FAILED: the 99th percentile of event → workflow latency", StringComparison.Ordinal)), $"exit {exit}: {error}\n{output}");
        string printed = output.ToString();
        Assert.Contains("Watch it live: http://127.0.0.1:", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("too short", printed, StringComparison.Ordinal); // 4-second days suffice for this inflow at the whole engine (maxLoadShare 1)

        string[] lines = await System.IO.File.ReadAllLinesAsync(Path.Combine(folder, "out", "applications.csv"));
        Assert.Equal(SimulationReport.CsvHeader, lines[0]);
        List<string[]> rows = [.. lines.Skip(1).Select(l => l.Split(','))];
        SimulationConfig config = SimulationConfig.Read(File);

        // The plan is the seed's: the same categories in the same order.
        Assert.Equal(ArrivalSchedule.Plan(config).Select(p => p.Category), rows.Select(r => r[2]));

        // Every figure agrees with the application's status, read through the API of another host on the run's task hub.
        await using PermitHost host = await PermitHost.StartAsync(new PermitHostOptions { Name = name, FederalOffice = "Simulated" });
        var tracks = new Dictionary<string, (int Files, int Decided)>(StringComparer.Ordinal);
        foreach (string[] row in rows)
        {
            JsonNode status = await host.Api.GetAsync(row[0]);
            Assert.Equal(status["category"]!.GetValue<string>(), row[2]);
            Assert.Equal(status["sla"]!["track"]!.GetValue<string>(), row[3]);
            Assert.Equal(status["sla"]!["inPeakPeriod"]!.GetValue<bool>(), bool.Parse(row[4]));
            Assert.Equal("closed", status["stage"]!.GetValue<string>()); // the run ends when every file is decided
            double lead = (Scenario.Time(status["decision"]!["decidedAt"]) - Scenario.Time(status["submittedAt"])).TotalDays;
            Assert.Equal(Math.Round(lead, 3), double.Parse(row[7], CultureInfo.InvariantCulture), 3);
            double submittedPlusLead = double.Parse(row[5], CultureInfo.InvariantCulture) + double.Parse(row[7], CultureInfo.InvariantCulture);
            Assert.InRange(double.Parse(row[6], CultureInfo.InvariantCulture) - submittedPlusLead, -0.002, 0.002); // each figure rounded to 0.001
            Assert.Equal(status["sla"]!["clockDays"]!.GetValue<double>(), double.Parse(row[8], CultureInfo.InvariantCulture), 3);
            Assert.Equal(status["sla"]!["state"]!.GetValue<string>(), row[9]);
            Assert.Equal(status["sla"]!["state"]!.GetValue<string>() == "met", bool.Parse(row[10]));
            Assert.Equal(status["decision"]!["outcome"]!.GetValue<string>(), row[11]);

            string track = row[3] == "standard" && bool.Parse(row[4]) ? "standard (peak)" : row[3];
            (int files, int decided) = tracks.GetValueOrDefault(track);
            tracks[track] = (files + 1, decided + 1);
        }

        // The standard files submitted in the declared peak (days 0 and 1, lifted at day 2) are in it, those after it
        // are not. The peak applies where the file's clock starts, after the engine took it up: the margins (1.5 s
        // before the lift, 0.4 s after it) leave room for the engine's lag on a loaded machine.
        Assert.Contains(rows, r => r[3] == "standard" && double.Parse(r[5], CultureInfo.InvariantCulture) < 1.25);
        Assert.All(rows.Where(r => r[3] == "standard" && double.Parse(r[5], CultureInfo.InvariantCulture) < 1.25), r => Assert.Equal("true", r[4]));
        Assert.All(rows.Where(r => double.Parse(r[5], CultureInfo.InvariantCulture) >= 2.2), r => Assert.Equal("false", r[4]));

        // The report's track table counts what the statuses say.
        string html = await System.IO.File.ReadAllTextAsync(Path.Combine(folder, "out", "report.html"));
        foreach ((string track, (int files, int decided)) in tracks)
        {
            Assert.Contains($"<tr><td>{track}</td><td>{files}</td><td>{decided}</td>", html, StringComparison.Ordinal);
            Assert.Matches($@"│ {System.Text.RegularExpressions.Regex.Escape(track)}\s+│ {files}\s+│ {decided}\s+│", printed);
        }

        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http", html.Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal), StringComparison.Ordinal); // nothing fetched
        Assert.DoesNotContain("Worker ", await System.IO.File.ReadAllTextAsync(Path.Combine(folder, "out", "applications.csv")), StringComparison.Ordinal);

        // The pool decided every file, and never more in a day than its capacity (2 caseworkers × 2 a day).
        Assert.Contains("Caseworker utilisation", printed, StringComparison.Ordinal);
        Assert.Matches(@"\(6\s+of\s+\d+\s+decision\s+slots\)", printed);
        Directory.Delete(folder, recursive: true);
    }
}
