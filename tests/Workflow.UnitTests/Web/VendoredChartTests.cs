using System.Text;
using System.Text.Json;
using Workflow.Application.Web;

namespace Workflow.UnitTests.Web;

/// <summary>The dashboard's Chart.js is the version package.json pins, served with its licence beside it.</summary>
public sealed class VendoredChartTests
{
    [Fact]
    public void The_served_chart_js_is_the_pinned_version_and_its_licence_is_kept()
    {
        string root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Workflow.sln")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("The repository root is not above the test's folder.");
        }

        using JsonDocument package = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "package.json")));
        string pinned = package.RootElement.GetProperty("devDependencies").GetProperty("chart.js").GetString()!;
        Assert.Matches(@"^\d+\.\d+\.\d+$", pinned); // exact, never a range

        PageAsset script = Pages.Find("/dashboard/vendor/chart.js/chart.umd.min.js")!;
        Assert.Equal("text/javascript; charset=utf-8", script.ContentType);
        Assert.Contains($"Chart.js v{pinned}", Encoding.UTF8.GetString(script.Content, 0, 200), StringComparison.Ordinal);
        Assert.Contains("MIT License", Encoding.UTF8.GetString(Pages.Find("/dashboard/vendor/chart.js/LICENSE.md")!.Content), StringComparison.Ordinal);
    }
}
