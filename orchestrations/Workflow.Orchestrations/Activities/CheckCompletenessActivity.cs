using Microsoft.DurableTask;
using Workflow.Orchestrations.Ports;

namespace Workflow.Orchestrations.Activities;

/// <summary>What completeness is checked against: the documents the category required at submission.</summary>
public sealed record CompletenessCheck(string ApplicationId, IReadOnlyList<string> RequiredDocuments);

/// <summary>Admissibility, completeness part: which required document types the dossier still lacks.</summary>
public sealed class CheckCompletenessActivity(IDossierStore dossiers) : TaskActivity<CompletenessCheck, IReadOnlyList<string>>
{
    public override async Task<IReadOnlyList<string>> RunAsync(TaskActivityContext context, CompletenessCheck input)
    {
        ArgumentNullException.ThrowIfNull(input);
        IReadOnlyList<Domain.StoredDocument> documents = await dossiers.ListDocumentsAsync(input.ApplicationId, CancellationToken.None);
        var present = documents.Select(d => d.Type).ToHashSet(StringComparer.Ordinal);
        return [.. input.RequiredDocuments.Where(type => !present.Contains(type))];
    }
}
