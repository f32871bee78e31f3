using Microsoft.DurableTask;
using Workflow.Orchestrations.Ports;

namespace Workflow.Orchestrations.Activities;

/// <summary>What the workflow learns of the gathering: counts and source codes, never the values (they are personal data).</summary>
public sealed record SourcesGathered(int RecordCount, IReadOnlyList<AuthenticSource> Sources);

/// <summary>
/// Reads the authentic sources (§2.9) for the application's employer and worker and keeps the overview in the dossier,
/// where the caseworker sees it. Re-running it overwrites the overview with a fresh read, which is harmless.
/// </summary>
public sealed class GatherAuthenticSourcesActivity(IDossierStore dossiers, IAuthenticSources sources) : TaskActivity<string, SourcesGathered>
{
    public const string OverviewRecord = "authentic-sources.json";

    public override async Task<SourcesGathered> RunAsync(TaskActivityContext context, string input)
    {
        Domain.ApplicationDossier dossier = await dossiers.GetApplicationAsync(input, CancellationToken.None)
            ?? throw new InvalidOperationException($"The dossier of application {input} is missing.");
        AuthenticSourceOverview overview = await sources.GatherAsync(dossier, CancellationToken.None);
        await dossiers.SaveRecordAsync(input, OverviewRecord, overview, CancellationToken.None);
        return new SourcesGathered(overview.Records.Count, [.. overview.Records.Select(r => r.Source).Distinct().Order()]);
    }
}
