using System.Diagnostics;
using System.Text;

namespace Workflow.LocalHost.Bench;

/// <summary>
/// The local host as a separate process for the bench's run on several processes: this very program
/// (<c>dotnet Workflow.LocalHost.dll</c>, not <c>dotnet run</c>, so that killing it kills the host), with the bench's
/// settings and a worker id of its own; its API address read from its banner. Killed (SIGKILL) on demand or when disposed.
/// </summary>
public sealed class BenchHostProcess : IAsyncDisposable
{
    const int KeptOutput = 20_000;

    readonly Process process;
    readonly StringBuilder output = new();
    readonly TaskCompletionSource<Uri> apiRoot = new(TaskCreationOptions.RunContinuationsAsynchronously);
    TimeSpan lastProcessorTime;
    long peakWorkingSet;

    BenchHostProcess(Process process, string workerId)
    {
        this.process = process;
        this.WorkerId = workerId;
    }

    public string WorkerId { get; }

    public int ProcessId => this.process.Id;

    public Uri Root => this.apiRoot.Task.Result;

    public bool Killed { get; private set; }

    /// <summary>The CPU time it used, as of the last <see cref="Sample"/> (a killed process cannot be asked any more).</summary>
    public TimeSpan ProcessorTime => this.lastProcessorTime;

    public double PeakWorkingSetMiB => Math.Round(Interlocked.Read(ref this.peakWorkingSet) / 1048576.0, 1);

    public static async Task<BenchHostProcess> StartAsync(string workerId, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        string program = typeof(BenchHostProcess).Assembly.Location;
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(program)!,
        };
        start.ArgumentList.Add(program);
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add($"--Engine:WorkerId={workerId}");
        var process = Process.Start(start) ?? throw new BenchFailedException($"host process {workerId} did not start.");
        var host = new BenchHostProcess(process, workerId);
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        Task started = await Task.WhenAny(host.apiRoot.Task, process.WaitForExitAsync(cancellationToken), Task.Delay(TimeSpan.FromSeconds(90), cancellationToken));
        if (started != host.apiRoot.Task)
        {
            await host.DisposeAsync();
            cancellationToken.ThrowIfCancellationRequested();
            throw new BenchFailedException($"host process {workerId} did not start serving: {host.Output()}");
        }

        host.Sample();
        return host;
    }

    /// <summary>Reads its CPU time and working set (kept for after it is gone).</summary>
    public void Sample()
    {
        try
        {
            this.process.Refresh();
            if (this.process.HasExited)
            {
                return;
            }

            this.lastProcessorTime = this.process.TotalProcessorTime;
            long current = this.process.WorkingSet64;
            if (current > Interlocked.Read(ref this.peakWorkingSet))
            {
                Interlocked.Exchange(ref this.peakWorkingSet, current);
            }
        }
        catch (InvalidOperationException)
        {
            // Gone between the two questions.
        }
    }

    /// <summary>SIGKILL: no shutdown, no lease released; what it had dequeued stays invisible for the visibility timeout.</summary>
    public async Task KillAsync()
    {
        this.Sample();
        this.Killed = true;
        if (!this.process.HasExited)
        {
            this.process.Kill(entireProcessTree: true);
            await this.process.WaitForExitAsync();
        }
    }

    public string Output()
    {
        lock (this.output)
        {
            return this.output.ToString();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!this.process.HasExited)
        {
            this.process.Kill(entireProcessTree: true);
            await this.process.WaitForExitAsync();
        }

        this.process.Dispose();
    }

    void Append(string? line)
    {
        // The banner's line "  API          http://127.0.0.1:<port>/api".
        string? trimmed = line?.Trim();
        if (trimmed is not null && trimmed.StartsWith("API ", StringComparison.Ordinal) && trimmed.EndsWith("/api", StringComparison.Ordinal))
        {
            this.apiRoot.TrySetResult(new Uri(trimmed["API ".Length..^"/api".Length].Trim() + "/"));
        }

        if (line is not null)
        {
            lock (this.output)
            {
                if (this.output.Length < KeptOutput)
                {
                    this.output.AppendLine(line);
                }
            }
        }
    }
}
