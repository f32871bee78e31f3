using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Workflow.Adapters.Parties;

/// <summary>Says at start which outside parties are real and which simulated; a warning while any is simulated.</summary>
public sealed partial class PartiesStartupLog(WiredParties parties, ILogger<PartiesStartupLog> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        string real = string.Join(", ", parties.Real);
        if (parties.Simulated.Count > 0)
        {
            LogSimulated(logger, real, string.Join(", ", parties.Simulated));
        }
        else
        {
            LogReal(logger, real);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outside parties: real {Real}; SIMULATED {Simulated} (opted in by Simulations:Enabled; not for real applications)")]
    static partial void LogSimulated(ILogger logger, string real, string simulated);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outside parties: real {Real}; none simulated")]
    static partial void LogReal(ILogger logger, string real);
}
