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

    [Fact]
    public void The_waiting_run_and_the_run_on_several_processes_are_their_own_switches()
    {
        (BenchOptions? waiting, string? problem) = BenchCommand.Parse(["bench", "--waiting", "500", "--status-sample", "100", "--read-concurrency", "4"]);
        Assert.Null(problem);
        Assert.Equal((500, 100, 4, (int?)null, false), (waiting!.Waiting, waiting.StatusSample, waiting.ReadConcurrency, waiting.Processes, waiting.KillOne));

        (BenchOptions? processes, problem) = BenchCommand.Parse(["bench", "--processes", "2", "--kill-one", "--applications", "40"]);
        Assert.Null(problem);
        Assert.Equal((0, (int?)2, true, 40), (processes!.Waiting, processes.Processes, processes.KillOne, processes.Applications));
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

    [Theory]
    [InlineData(new[] { "--waiting", "10", "--processes", "2" }, "--waiting and --processes are separate runs")]
    [InlineData(new[] { "--kill-one" }, "--kill-one needs --processes 2 or more")]
    [InlineData(new[] { "--processes", "1", "--kill-one" }, "--kill-one needs --processes 2 or more")]
    [InlineData(new[] { "--processes", "5" }, "--processes must be from 1 to 4")]
    [InlineData(new[] { "--processes", "0" }, "--processes must be from 1 to 4")]
    [InlineData(new[] { "--status-sample", "0" }, "--waiting must be zero or more, --status-sample and --read-concurrency at least 1")]
    public void Combinations_that_make_no_run_are_refused(string[] switches, string reason)
    {
        (BenchOptions? options, string? problem) = BenchCommand.Parse(["bench", .. switches]);

        Assert.Null(options);
        Assert.Contains(reason, problem, StringComparison.Ordinal);
    }
}
