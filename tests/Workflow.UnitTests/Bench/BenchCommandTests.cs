using Workflow.LocalHost.Bench;

namespace Workflow.UnitTests.Bench;

/// <summary>The bench command's switches.</summary>
public sealed class BenchCommandTests
{
    [Fact]
    public void Defaults_are_a_hundred_applications_sixteen_in_flight()
    {
        (BenchOptions? options, string? problem) = BenchCommand.Parse(["bench"]);

        Assert.Null(problem);
        Assert.Equal((100, 16, BenchCommand.DefaultOut, TimeSpan.FromMinutes(10), (string?)null), (options!.Applications, options.InFlight, options.Out, options.PolicyDay, options.Storage));
    }

    [Fact]
    public void Switches_and_host_settings_are_taken()
    {
        (BenchOptions? options, string? problem) = BenchCommand.Parse(
            ["bench", "--applications", "20", "--in-flight", "4", "--out", "x", "--policy-day", "00:05:00", "--timeout", "60", "--idle-seconds", "3", "--warmup", "0", "--Engine:PartitionCount=2"]);

        Assert.Null(problem);
        Assert.Equal(
            (20, 4, "x", TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(3), 0),
            (options!.Applications, options.InFlight, options.Out, options.PolicyDay, options.Timeout, options.Idle, options.Warmup));
        Assert.Equal(["--Engine:PartitionCount=2"], options.Settings);
    }

    [Theory]
    [InlineData("--applications", "0", "--applications must be at least 1")]
    [InlineData("--in-flight", "0", "--in-flight must be at least 1")]
    [InlineData("--policy-day", "00:00:01", "--policy-day must be at least")]
    [InlineData("--applications", "many", "unexpected or incomplete argument '--applications'")]
    [InlineData("--frobnicate", "1", "unexpected or incomplete argument '--frobnicate'")]
    public void Bad_switches_are_refused_with_the_reason(string name, string value, string reason)
    {
        (BenchOptions? options, string? problem) = BenchCommand.Parse(["bench", name, value]);

        Assert.Null(options);
        Assert.StartsWith(reason, problem, StringComparison.Ordinal);
    }
}
