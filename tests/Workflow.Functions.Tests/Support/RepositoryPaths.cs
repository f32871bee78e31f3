using System.Reflection;

namespace Workflow.Functions.Tests.Support;

/// <summary>Where things are in the repository, found from the test assembly's location.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Configuration { get; } =
        typeof(RepositoryPaths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    public static string FunctionsProject => Path.Combine(Root, "functions", "Workflow.Functions");

    /// <summary>What the Functions host reads to index the app, as the Functions SDK generated it for this build.</summary>
    public static string FunctionsMetadata => Path.Combine(FunctionsProject, "bin", Configuration, "net10.0", "functions.metadata");

    public static string Samples => Path.Combine(AppContext.BaseDirectory, "samples");

    public static string Infra => Path.Combine(Root, "infra");

    static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Workflow.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with Workflow.sln) was not found above " + AppContext.BaseDirectory);
    }
}
