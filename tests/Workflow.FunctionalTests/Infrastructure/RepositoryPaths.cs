using System.Reflection;

namespace Workflow.FunctionalTests.Infrastructure;

/// <summary>Where things are in the repository, found from the test assembly's location.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The build configuration of this test run (Debug or Release), to find the local host's build output.</summary>
    public static string Configuration { get; } =
        typeof(RepositoryPaths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    public static string LocalHostDll => Path.Combine(Root, "functions", "Workflow.LocalHost", "bin", Configuration, "net10.0", "Workflow.LocalHost.dll");

    public static string Samples => Path.Combine(AppContext.BaseDirectory, "samples");

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
