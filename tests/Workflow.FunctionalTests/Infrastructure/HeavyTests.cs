namespace Workflow.FunctionalTests.Infrastructure;

/// <summary>
/// The tests that load Azurite most (hundreds of applications, host processes killed and restarted, a scan of every
/// table and container per case). They run one after another in this collection, beside the other collections, so
/// that together they do not starve the single-threaded Azurite every test shares (and time out the light tests).
/// </summary>
[CollectionDefinition(Name)]
public sealed class HeavyTests
{
    public const string Name = "heavy: one at a time";
}
