namespace Workflow.LocalHost;

/// <summary>
/// Settings for the host's one-shot commands (<see cref="DevTokens"/>, <see cref="ReplayFederalPoisonCommand"/>): the
/// same sources the host reads (appsettings.json, environment) plus <c>--Section:Key=value</c> arguments.
/// </summary>
internal static class CommandSettings
{
    /// <summary>Keeps <paramref name="argument"/> when it is a setting (<c>--Section:Key=value</c>); false otherwise.</summary>
    public static bool TryAdd(string argument, List<string> settings)
    {
        if (!argument.StartsWith("--", StringComparison.Ordinal) || !argument.Contains('=', StringComparison.Ordinal))
        {
            return false;
        }

        settings.Add(argument);
        return true;
    }

    public static IConfiguration Build(IEnumerable<string> settings) =>
        new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine([.. settings])
            .Build();
}
