using Microsoft.DurableTask;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Letters;
using Workflow.Orchestrations.Policy;
using Workflow.Orchestrations.Ports;

namespace Workflow.Orchestrations.Activities;

/// <summary>What the letter says: the outcome and its grounds (codes), and the decision date in policy time.</summary>
public sealed record LetterRequest(string ApplicationId, Outcome Outcome, IReadOnlyList<string> Grounds, DateTimeOffset DecidedAt);

/// <summary>
/// Writes the decision letter (a PDF, Dutch with its English translation) and keeps it with the dossier; the fixed
/// letter name makes a retry overwrite, not duplicate. The names in it come from the dossier, read here by id.
/// </summary>
public sealed class IssueDecisionLetterActivity(IDossierStore dossiers, LetterSettings settings, PolicyCatalog policy) : TaskActivity<LetterRequest, string>
{
    /// <summary>The decision letter's name in the dossier (<c>decision.pdf</c>).</summary>
    public static readonly string LetterName = LetterNames.Pdf(LetterKind.Decision);

    public override async Task<string> RunAsync(TaskActivityContext context, LetterRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ApplicationDossier dossier = await dossiers.GetApplicationAsync(input.ApplicationId, CancellationToken.None)
            ?? throw new InvalidOperationException($"The dossier of application {input.ApplicationId} is missing.");
        Letter letter = DecisionLetter.Compose(dossier, input.Outcome, input.Grounds, input.DecidedAt, settings, policy);
        return await dossiers.SaveLetterAsync(input.ApplicationId, LetterName, LetterFile.Pdf(LetterPdf.Render(letter)), CancellationToken.None);
    }
}
